package org.uclg.learning.reporting;

import org.uclg.learning.reporting.queries.ReachData;
import org.uclg.learning.reporting.queries.ReachQueries;

import jakarta.inject.Singleton;
import org.uclg.learning.people.RegionalSection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reach report: the headline figures of the total and of each regional section in scope, the
 * breakdowns and the cascade by generation, with the privacy rule applied to every count of people.
 */
@Singleton
class ReachReport {
    private final ReportReader reader;
    private final ReachQueries reach;
    private final Privacy privacy;

    ReachReport(ReportReader reader, ReachQueries reach) {
        this.reader = reader;
        this.reach = reach;
        this.privacy = reader.privacy();
    }

    Map<String, Object> reach(ReportScope scope, ReportFilter filter) {
        return reader.read("reach", scope, filter, null, (c, body) -> {
            ReachData data = reach.reach(c, scope, filter);
            body.put("total", figures(data.figures.get("")));
            List<Map<String, Object>> sections = new ArrayList<>();
            for (RegionalSection rs : scope.everySection() ? EnumSet.allOf(RegionalSection.class) : scope.regionalSections()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("regionalSection", rs.name());
                row.putAll(figures(data.figures.getOrDefault(rs.name(), new ReachData.Figures())));
                sections.add(row);
            }
            body.put("regionalSections", sections);
            Map<String, Object> breakdowns = new LinkedHashMap<>();
            data.breakdowns.forEach((dim, cells) -> {
                List<Map<String, Object>> rows = new ArrayList<>();
                cells.forEach((key, cell) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("key", key);
                    row.put("enrolled", privacy.people(cell.enrolled()));
                    row.put("active", privacy.people(cell.active()));
                    row.put("completed", privacy.people(cell.completed()));
                    rows.add(row);
                });
                breakdowns.put(dim, rows);
            });
            body.put("breakdowns", breakdowns);
            List<Map<String, Object>> cascade = new ArrayList<>();
            data.cascadeByGeneration.forEach((generation, learners) -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("generation", generation);
                row.put("learners", privacy.people(learners));
                cascade.add(row);
            });
            body.put("cascadeByGeneration", cascade);
            List<String> notes = new ArrayList<>();
            if (data.eventsNote != null) {
                notes.add(data.eventsNote);
            }
            if (scope.trainerId() != null) {
                notes.add("scope: the cohorts you lead");
            }
            body.put("notes", notes);
        });
    }

    /** The figures of the total or of one regional section, with the privacy rule applied. */
    Map<String, Object> figures(ReachData.Figures f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enrolled", privacy.people(f.enrolled));
        m.put("active", privacy.people(f.active));
        m.put("completed", privacy.people(f.completed));
        if (privacy.shows(f.enrollments)) {
            m.put("completionRate", BigDecimal.valueOf(f.enrollmentsCompleted)
                    .divide(BigDecimal.valueOf(f.enrollments), 3, RoundingMode.HALF_UP));
        }
        m.put("certificates", privacy.people(f.certificates()));
        Map<String, Object> byKind = new LinkedHashMap<>();
        f.certificatesByKind.forEach((k, v) -> byKind.put(k, privacy.people(v)));
        m.put("certificatesByKind", byKind);
        m.put("certifiedTrainers", privacy.people(f.certifiedTrainers));
        m.put("cascadeReach", privacy.people(f.cascadeReach));
        if (f.eventsHeld != null) {
            m.put("eventsHeld", f.eventsHeld);
        }
        if (f.eventRegistrations != null) {
            m.put("eventRegistrations", privacy.people(f.eventRegistrations));
        }
        if (f.eventAttendance != null) {
            m.put("eventAttendance", privacy.people(f.eventAttendance));
        }
        m.put("organizations", f.organizations);
        m.put("localGovernments", f.localGovernments);
        m.put("countries", f.countries);
        m.put("learningGainEnrollments", privacy.people(f.gainEnrollments));
        if (f.gainAverage != null && privacy.shows(f.gainEnrollments)) {
            m.put("averageLearningGain", BigDecimal.valueOf(f.gainAverage).setScale(1, RoundingMode.HALF_UP));
        }
        return m;
    }
}
