package org.uclg.learning.reporting.queries;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The raw counts of a reach report, before the privacy rule: for the total ("") and per regional
 * section. Public in Java for reporting's own packages only (ArchitectureTest keeps others away).
 */
public final class ReachData {
    /** The dimensions of the breakdowns, in the order the report shows them (JSON names). */
    static final String[] DIMENSIONS = {"module", "kind", "language", "country", "organizationType", "gender"};

    public static final class Figures {
        public long enrolled;
        public long active;
        public long completed;
        public long cascadeReach;
        public long enrollments;
        public long enrollmentsCompleted;
        public long organizations;
        public long localGovernments;
        public long countries;
        public Double gainAverage;
        public long gainEnrollments;
        public final Map<String, Long> certificatesByKind = new TreeMap<>();
        public long certifiedTrainers;
        public Long eventsHeld;
        public Long eventRegistrations;
        public Long eventAttendance;

        public long certificates() {
            return certificatesByKind.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** One cell of a breakdown: distinct learners enrolled, active and completed in the period. */
    public record Cell(long enrolled, long active, long completed) {
    }

    /** "" is the total; then regional section codes. */
    public final Map<String, Figures> figures = new TreeMap<>();
    /** dimension → key → cell, keys in SQL order. */
    public final Map<String, Map<String, Cell>> breakdowns = new LinkedHashMap<>();
    /** ToT generation → distinct learners enrolled in the period in cohorts led by trainers of that generation. */
    public final Map<Integer, Long> cascadeByGeneration = new TreeMap<>();
    /** Why the event figures are missing, when they are. */
    public String eventsNote;

    public Figures figures(String regionalSection) {
        return figures.computeIfAbsent(regionalSection == null ? "" : regionalSection, k -> new Figures());
    }

    public ReachData() {
        for (String d : DIMENSIONS) {
            breakdowns.put(d, new LinkedHashMap<>());
        }
    }
}
