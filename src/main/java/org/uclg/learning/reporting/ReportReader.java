package org.uclg.learning.reporting;

import org.uclg.learning.reporting.queries.ReachQueries;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How every report is read: as of the last refresh of the reporting view, from the cache when the
 * same report was asked since, otherwise in one read-only REPEATABLE READ transaction so that its
 * figures agree with each other, under the common header (asOf, filter, privacy threshold).
 */
@Singleton
class ReportReader {
    private final ReportingDatabase db;
    private final ReachQueries reach;
    private final ReportCache cache;
    private final Privacy privacy;

    ReportReader(ReportingDatabase db, ReachQueries reach, ReportCache cache, ReportingProperties properties) {
        this.db = db;
        this.reach = reach;
        this.cache = cache;
        this.privacy = new Privacy(properties.privacyThreshold());
    }

    /** Fills in the body of one report after its header. */
    interface Body {
        void fill(Connection c, Map<String, Object> body) throws SQLException;
    }

    /** The report {@code name} for this scope and filter (and language, for texts from the catalogue). */
    Map<String, Object> read(String name, ReportScope scope, ReportFilter filter, @Nullable String lang, Body fill) {
        Instant asOf = asOf();
        return cache.get(new ReportCache.Key(name, asOf, scope, filter, lang), () -> query(c -> {
            Map<String, Object> body = header(asOf, filter);
            fill.fill(c, body);
            return body;
        }));
    }

    Privacy privacy() {
        return privacy;
    }

    Instant asOf() {
        try (Connection c = db.read()) {
            return reach.asOf(c);
        } catch (SQLException e) {
            throw new IllegalStateException("report query failed", e);
        }
    }

    private Map<String, Object> header(Instant asOf, ReportFilter filter) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("asOf", asOf);
        body.put("from", filter.from());
        body.put("to", filter.to());
        if (filter.regionalSection() != null) {
            body.put("regionalSection", filter.regionalSection().name());
        }
        if (filter.module() != null) {
            body.put("module", filter.module());
        }
        if (filter.kind() != null) {
            body.put("kind", filter.kind().name());
        }
        if (filter.language() != null) {
            body.put("language", filter.language());
        }
        body.put("privacyThreshold", privacy.threshold());
        return body;
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** One read-only REPEATABLE READ transaction per report, so that its figures agree with each other. */
    private <T> T query(Work<T> work) {
        try (Connection c = db.read()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (Statement st = c.createStatement()) {
                // the grouping sets hash ~100,000 learners per regional section and year: keep them in memory;
                // JIT compilation costs more than it saves on queries of this size
                st.execute("SET LOCAL work_mem = '64MB'");
                st.execute("SET LOCAL jit = off");
            }
            try {
                return work.run(c);
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            if ("57014".equals(e.getSQLState())) {
                throw new ReportTooSlowException();
            }
            throw new IllegalStateException("report query failed", e);
        }
    }
}
