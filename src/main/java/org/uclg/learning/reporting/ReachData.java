package org.uclg.learning.reporting;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** The raw counts of a reach report, before the privacy rule: for the total ("") and per regional section. */
final class ReachData {
    /** The dimensions of the breakdowns, in the order the report shows them (JSON names). */
    static final String[] DIMENSIONS = {"module", "kind", "language", "country", "organizationType", "gender"};

    static final class Figures {
        long enrolled;
        long active;
        long completed;
        long cascadeReach;
        long enrollments;
        long enrollmentsCompleted;
        long organizations;
        long localGovernments;
        long countries;
        Double gainAverage;
        long gainEnrollments;
        final Map<String, Long> certificatesByKind = new TreeMap<>();
        long certifiedTrainers;
        Long eventsHeld;
        Long eventRegistrations;
        Long eventAttendance;

        long certificates() {
            return certificatesByKind.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** One cell of a breakdown: distinct learners enrolled, active and completed in the period. */
    record Cell(long enrolled, long active, long completed) {
    }

    /** "" is the total; then regional section codes. */
    final Map<String, Figures> figures = new TreeMap<>();
    /** dimension → key → cell, keys in SQL order. */
    final Map<String, Map<String, Cell>> breakdowns = new LinkedHashMap<>();
    /** ToT generation → distinct learners enrolled in the period in cohorts led by trainers of that generation. */
    final Map<Integer, Long> cascadeByGeneration = new TreeMap<>();
    /** Why the event figures are missing, when they are. */
    String eventsNote;

    Figures figures(String regionalSection) {
        return figures.computeIfAbsent(regionalSection == null ? "" : regionalSection, k -> new Figures());
    }

    ReachData() {
        for (String d : DIMENSIONS) {
            breakdowns.put(d, new LinkedHashMap<>());
        }
    }
}
