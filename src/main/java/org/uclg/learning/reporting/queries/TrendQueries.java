package org.uclg.learning.reporting.queries;

import org.uclg.learning.reporting.ReportFilter;
import org.uclg.learning.reporting.ReportScope;

import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The headline figures per calendar month of the period (months cut to the period at both ends). */
@Singleton
public class TrendQueries {
    public record Month(LocalDate month, long enrolled, long active, long completed, long certificates) {
    }

    public List<Month> trend(Connection c, ReportScope scope, ReportFilter filter) throws SQLException {
        Sql sql = new Sql().add("""
                WITH s AS (
                    SELECT f.learner_id, f.enrolled_on, f.completed_on, f.status, f.activity_days
                    FROM reporting_enrollments f WHERE true""")
                .reachScope(scope, filter)
                .add("""
                ), ev AS (
                    SELECT DISTINCT learner_id, date_trunc('month', enrolled_on)::date AS month, 1 AS what
                    FROM s WHERE enrolled_on BETWEEN ? AND ?
                  UNION ALL
                    SELECT DISTINCT s.learner_id, date_trunc('month', d.day)::date, 2
                    FROM s CROSS JOIN LATERAL unnest(s.activity_days) AS d (day) WHERE d.day BETWEEN ? AND ?
                  UNION ALL
                    SELECT DISTINCT learner_id, date_trunc('month', completed_on)::date, 3
                    FROM s WHERE status = 'COMPLETED' AND completed_on BETWEEN ? AND ?
                )
                SELECT m.month::date, count(ev.what) FILTER (WHERE ev.what = 1), count(ev.what) FILTER (WHERE ev.what = 2),
                       count(ev.what) FILTER (WHERE ev.what = 3)
                FROM generate_series(date_trunc('month', ?::date), ?::date, interval '1 month') AS m (month)
                LEFT JOIN ev ON ev.month = m.month::date
                GROUP BY m.month ORDER BY m.month""",
                filter.from(), filter.to(), filter.from(), filter.to(), filter.from(), filter.to(), filter.from(), filter.to());
        Map<LocalDate, long[]> months = new LinkedHashMap<>();
        sql.each(c, rs -> months.put(rs.getObject(1, LocalDate.class), new long[]{rs.getLong(2), rs.getLong(3), rs.getLong(4), 0}));
        Sql certs = Sql.validCertificates("SELECT date_trunc('month', x.issued_at AT TIME ZONE 'UTC')::date, count(*)", scope, filter)
                .add(" GROUP BY 1");
        certs.each(c, rs -> {
            long[] m = months.get(rs.getObject(1, LocalDate.class));
            if (m != null) {
                m[3] = rs.getLong(2);
            }
        });
        List<Month> result = new ArrayList<>();
        months.forEach((month, v) -> result.add(new Month(month, v[0], v[1], v[2], v[3])));
        return result;
    }
}
