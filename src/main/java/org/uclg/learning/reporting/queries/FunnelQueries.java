package org.uclg.learning.reporting.queries;

import org.uclg.learning.reporting.ReportFilter;
import org.uclg.learning.reporting.ReportScope;

import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where learners drop out of a module: of the learners enrolled in the period (the entrants, from
 * the reporting view), how many started and completed each section (live progress rows, read
 * through the section_progress primary key), counted as distinct learner numbers per section.
 */
@Singleton
public class FunnelQueries {
    public record Step(String key, int position, String kind, String title, boolean required, long started, long completed) {
    }

    public record Funnel(long entered, List<Step> steps) {
    }

    public Funnel funnel(Connection c, ReportScope scope, ReportFilter filter, String lang) throws SQLException {
        String entrants = "FROM reporting_enrollments f WHERE f.enrolled_on BETWEEN ? AND ?";
        LearnerTally.Learners entered = new LearnerTally.Learners();
        new Sql().add("SELECT f.learner_no " + entrants, filter.from(), filter.to()).reachScope(scope, filter)
                .stream(c, rs -> entered.enrolled.add(rs.getInt(1)));
        Map<Object, LearnerTally.Learners> bySection = new HashMap<>();
        new Sql().add("SELECT p.section_id, f.learner_no, p.status = 'COMPLETED' "
                        + entrants.replace("WHERE", "JOIN section_progress p ON p.enrollment_id = f.enrollment_id WHERE"),
                        filter.from(), filter.to()).reachScope(scope, filter)
                .stream(c, rs -> bySection.computeIfAbsent(rs.getObject(1), k -> new LearnerTally.Learners())
                        .add(rs.getInt(2), false, true, rs.getBoolean(3), false));
        List<Step> steps = new ArrayList<>();
        new Sql().add("""
                SELECT sec.id, sec.key, sec.position, sec.kind, coalesce(sec.title ->> ?, sec.title ->> 'en'), sec.required
                FROM sections sec WHERE sec.module_code = ? AND sec.retired_at IS NULL ORDER BY sec.position""",
                lang, filter.module()).each(c, rs -> {
            LearnerTally.Learners l = bySection.getOrDefault(rs.getObject(1), new LearnerTally.Learners());
            steps.add(new Step(rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5), rs.getBoolean(6),
                    l.active.getLongCardinality(), l.completed.getLongCardinality()));
        });
        return new Funnel(entered.enrolled.getLongCardinality(), steps);
    }
}
