package org.uclg.learning.reporting;

import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/**
 * Refreshes the reporting view concurrently (reports keep reading the previous contents meanwhile)
 * on the primary, and records when: that time is the {@code asOf} of every report. A PostgreSQL
 * advisory lock makes one instance of the service do it at a time.
 */
@Singleton
class ReachRefresher {
    private static final long LOCK = 0x5245414348L; // "REACH"
    private final ReportingDatabase db;

    ReachRefresher(ReportingDatabase db) {
        this.db = db;
    }

    /** Refreshes now (waiting for a refresh in progress elsewhere) and returns the new asOf. */
    Instant refresh() {
        try (Connection c = db.primary()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("SELECT pg_advisory_xact_lock(" + LOCK + ")");
                long start = System.nanoTime();
                Instant asOf;
                try (ResultSet rs = st.executeQuery("SELECT now()")) {
                    rs.next();
                    asOf = rs.getTimestamp(1).toInstant();
                }
                st.execute("REFRESH MATERIALIZED VIEW CONCURRENTLY reporting_enrollments");
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE reporting_refreshes SET refreshed_at = ?, took_ms = ? WHERE name = 'reporting_enrollments'")) {
                    ps.setTimestamp(1, java.sql.Timestamp.from(asOf));
                    ps.setLong(2, (System.nanoTime() - start) / 1_000_000);
                    ps.executeUpdate();
                }
                c.commit();
                return asOf;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("refresh of the reporting view failed", e);
        }
    }
}
