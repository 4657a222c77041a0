package org.uclg.learning.reporting.queries;

import org.uclg.learning.reporting.ReportFilter;
import org.uclg.learning.reporting.ReportScope;

import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The headline figures per calendar month of the period (months cut to the period at both ends):
 * distinct learners per month counted as bitmaps of learner numbers ({@link LearnerTally}) over the
 * view's rows streamed once, certificates counted in PostgreSQL.
 */
@Singleton
public class TrendQueries {
    public record Month(LocalDate month, long enrolled, long active, long completed, long certificates) {
    }

    /** A date's month as one number (year × 12 + month), in SQL. */
    private static String monthNumber(String date) {
        return "(extract(year FROM " + date + ") * 12 + extract(month FROM " + date + "))::int";
    }

    public List<Month> trend(Connection c, ReportScope scope, ReportFilter filter) throws SQLException {
        Sql sql = new Sql().add("SELECT f.learner_no,"
                        + " CASE WHEN f.enrolled_on BETWEEN ? AND ? THEN " + monthNumber("f.enrolled_on") + " END,"
                        + " CASE WHEN f.status = 'COMPLETED' AND f.completed_on BETWEEN ? AND ? THEN " + monthNumber("f.completed_on") + " END,"
                        + " ARRAY(SELECT DISTINCT " + monthNumber("d.day") + " FROM unnest(f.activity_days) AS d (day)"
                        + " WHERE d.day BETWEEN ? AND ?)"
                        + " FROM reporting_enrollments f WHERE true",
                filter.from(), filter.to(), filter.from(), filter.to(), filter.from(), filter.to())
                .reachScope(scope, filter);
        YearMonth first = YearMonth.from(filter.from());
        int base = first.getYear() * 12 + first.getMonthValue();
        int count = (int) first.until(YearMonth.from(filter.to()), ChronoUnit.MONTHS) + 1;
        LearnerTally.Learners[] perMonth = new LearnerTally.Learners[count];
        for (int i = 0; i < count; i++) {
            perMonth[i] = new LearnerTally.Learners();
        }
        sql.stream(c, rs -> {
            int learner = rs.getInt(1);
            int enrolled = rs.getInt(2);
            if (!rs.wasNull()) {
                perMonth[enrolled - base].enrolled.add(learner);
            }
            int completed = rs.getInt(3);
            if (!rs.wasNull()) {
                perMonth[completed - base].completed.add(learner);
            }
            for (Object month : (Object[]) rs.getArray(4).getArray()) {
                perMonth[((Number) month).intValue() - base].active.add(learner);
            }
        });
        Map<LocalDate, long[]> months = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            LearnerTally.Learners l = perMonth[i];
            months.put(first.plusMonths(i).atDay(1), new long[]{l.enrolled.getLongCardinality(), l.active.getLongCardinality(),
                    l.completed.getLongCardinality(), 0});
        }
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
