package org.uclg.learning.reporting.queries;

import org.uclg.learning.reporting.ReportFilter;
import org.uclg.learning.reporting.ReportScope;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** A statement built in parts with its parameters in order, so that filters stay bound, never concatenated. */
final class Sql {
    private final StringBuilder text = new StringBuilder();
    private final List<Object> args = new ArrayList<>();

    Sql add(String part, Object... params) {
        text.append(part);
        args.addAll(List.of(params));
        return this;
    }

    /** The filters of the reporting view (alias {@code f}) for a scope and filter, as "AND …" clauses. */
    Sql reachScope(ReportScope scope, ReportFilter filter) {
        add(" AND f.first_on <= ? AND f.last_on >= ?", filter.to(), filter.from());
        return cohortScope("f", "f.cohort_id", scope, filter, true);
    }

    /**
     * Filters on a table carrying the cohort's columns under {@code alias} (regional_section,
     * module_code, and kind and language when {@code cohortColumns}).
     */
    Sql cohortScope(String alias, String cohortIdColumn, ReportScope scope, ReportFilter filter, boolean cohortColumns) {
        if (scope.regionalSections() != null) {
            add(" AND " + alias + ".regional_section = ANY(?)", scope.regionalSections().stream().map(Enum::name).toList());
        }
        if (filter.module() != null) {
            add(" AND " + alias + ".module_code = ?", filter.module());
        }
        if (cohortColumns && filter.kind() != null) {
            add(" AND " + alias + ".kind = ?", filter.kind().name());
        }
        if (cohortColumns && filter.language() != null) {
            add(" AND " + alias + ".language = ?", filter.language());
        }
        if (scope.trainerId() != null) {
            add(" AND " + cohortIdColumn + " IN (SELECT ct.cohort_id FROM cohort_trainers ct WHERE ct.trainer_id = ?)", scope.trainerId());
        }
        return this;
    }

    /**
     * {@code select} over the valid certificates (alias {@code x}) issued in the period, within the
     * scope and filter: the one rule for which certificates a report counts.
     */
    static Sql validCertificates(String select, ReportScope scope, ReportFilter filter) {
        Sql sql = new Sql().add(select + " FROM certificates x");
        if (filter.kind() != null) {
            sql.add(" JOIN cohorts k ON k.id = x.cohort_id AND k.kind = ?", filter.kind().name());
        }
        sql.add(" WHERE x.status = 'VALID' AND x.issued_at >= (?::date)::timestamp AT TIME ZONE 'UTC' AND x.issued_at < (?::date + 1)::timestamp AT TIME ZONE 'UTC'", filter.from(), filter.to())
                .cohortScope("x", "x.cohort_id", scope, filter, false);
        if (filter.language() != null) {
            sql.add(" AND x.language = ?", filter.language());
        }
        return sql;
    }

    PreparedStatement prepare(Connection c) throws SQLException {
        PreparedStatement ps = c.prepareStatement(text.toString());
        for (int i = 0; i < args.size(); i++) {
            Object a = args.get(i);
            if (a instanceof Collection<?> values) {
                ps.setArray(i + 1, c.createArrayOf("varchar", values.toArray()));
            } else if (a instanceof LocalDate d) {
                ps.setDate(i + 1, Date.valueOf(d));
            } else if (a instanceof UUID u) {
                ps.setObject(i + 1, u);
            } else {
                ps.setObject(i + 1, a);
            }
        }
        ps.setQueryTimeout(60);
        return ps;
    }

    interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    void each(Connection c, RowReader reader) throws SQLException {
        try (PreparedStatement ps = prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                reader.read(rs);
            }
        }
    }

    /**
     * Like {@link #each}, but fetching rows in batches instead of all at once, for statements that
     * return a row per enrollment (needs a transaction: the report reader opens one).
     */
    void stream(Connection c, RowReader reader) throws SQLException {
        try (PreparedStatement ps = prepare(c)) {
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        }
    }

    List<Object> args() {
        return args;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
