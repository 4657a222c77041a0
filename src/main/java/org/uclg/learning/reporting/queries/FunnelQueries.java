package org.uclg.learning.reporting.queries;

import org.uclg.learning.reporting.ReportFilter;
import org.uclg.learning.reporting.ReportScope;

import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Where learners drop out of a module: of the learners enrolled in the period (the entrants, from
 * the reporting view), how many started and completed each section (live progress rows, read
 * through the section_progress primary key).
 */
@Singleton
public class FunnelQueries {
    public record Step(String key, int position, String kind, String title, boolean required, long started, long completed) {
    }

    public record Funnel(long entered, List<Step> steps) {
    }

    public Funnel funnel(Connection c, ReportScope scope, ReportFilter filter, String lang) throws SQLException {
        String entrants = "SELECT f.enrollment_id, f.learner_id FROM reporting_enrollments f WHERE f.enrolled_on BETWEEN ? AND ?";
        Sql count = new Sql().add("SELECT count(DISTINCT s.learner_id) FROM (" + entrants, filter.from(), filter.to())
                .reachScope(scope, filter).add(") AS s");
        long[] entered = new long[1];
        count.each(c, rs -> entered[0] = rs.getLong(1));
        Sql sql = new Sql().add("WITH s AS (" + entrants, filter.from(), filter.to())
                .reachScope(scope, filter)
                .add("""
                ), p AS (
                    SELECT p.section_id, s.learner_id, p.status
                    FROM s JOIN section_progress p ON p.enrollment_id = s.enrollment_id
                )
                SELECT sec.key, sec.position, sec.kind, coalesce(sec.title ->> ?, sec.title ->> 'en'), sec.required,
                       count(DISTINCT p.learner_id), count(DISTINCT p.learner_id) FILTER (WHERE p.status = 'COMPLETED')
                FROM sections sec
                LEFT JOIN p ON p.section_id = sec.id
                WHERE sec.module_code = ? AND sec.retired_at IS NULL
                GROUP BY sec.id, sec.key, sec.position, sec.kind, sec.title, sec.required
                ORDER BY sec.position""", lang, filter.module());
        List<Step> steps = new ArrayList<>();
        sql.each(c, rs -> steps.add(new Step(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
                rs.getLong(6), rs.getLong(7))));
        return new Funnel(entered[0], steps);
    }
}
