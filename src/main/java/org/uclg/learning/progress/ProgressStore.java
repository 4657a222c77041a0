package org.uclg.learning.progress;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The SQL of section_progress, kept in one visible place: the upsert is the hot path of the service. */
@Singleton
class ProgressStore {
    /**
     * Inserts or updates one section's progress and returns the row only when something changed, so
     * the same request twice writes once. COMPLETED never goes back to STARTED; a new score replaces the old.
     */
    private static final String UPSERT = """
            INSERT INTO section_progress AS p (enrollment_id, section_id, status, score, started_at, completed_at, recorded_by, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (enrollment_id, section_id) DO UPDATE SET
                status       = CASE WHEN p.status = 'COMPLETED' THEN 'COMPLETED' ELSE EXCLUDED.status END,
                score        = COALESCE(EXCLUDED.score, p.score),
                completed_at = COALESCE(p.completed_at, EXCLUDED.completed_at),
                recorded_by  = EXCLUDED.recorded_by,
                updated_at   = EXCLUDED.updated_at
            WHERE (CASE WHEN p.status = 'COMPLETED' THEN 'COMPLETED' ELSE EXCLUDED.status END, COALESCE(EXCLUDED.score, p.score))
                  IS DISTINCT FROM (p.status, p.score)
            RETURNING enrollment_id, section_id, status, score, started_at, completed_at, recorded_by""";

    private static final String COLUMNS = "enrollment_id, section_id, status, score, started_at, completed_at, recorded_by";

    private final JdbcOperations jdbc;

    ProgressStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The row as it now stands when the call changed it; empty when it changed nothing. */
    Optional<SectionState> record(UUID enrollmentId, long sectionId, ProgressStatus status, @Nullable Integer score,
                                  UUID recordedBy, Instant now) {
        return jdbc.prepareStatement(UPSERT, ps -> {
            Timestamp at = Timestamp.from(now);
            ps.setObject(1, enrollmentId);
            ps.setLong(2, sectionId);
            ps.setString(3, status.name());
            if (score == null) {
                ps.setNull(4, Types.INTEGER);
            } else {
                ps.setInt(4, score);
            }
            ps.setTimestamp(5, at);
            ps.setTimestamp(6, status == ProgressStatus.COMPLETED ? at : null);
            ps.setObject(7, recordedBy);
            ps.setTimestamp(8, at);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        });
    }

    List<SectionState> forEnrollment(UUID enrollmentId) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM section_progress WHERE enrollment_id = ?", ps -> {
            ps.setObject(1, enrollmentId);
            return readAll(ps);
        });
    }

    /** The progress of many enrollments in one query (a page of the cohort table). */
    List<SectionState> forEnrollments(Collection<UUID> enrollmentIds) {
        if (enrollmentIds.isEmpty()) {
            return List.of();
        }
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM section_progress WHERE enrollment_id = ANY (?)", ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("uuid", enrollmentIds.toArray()));
            return readAll(ps);
        });
    }

    private static List<SectionState> readAll(PreparedStatement ps) throws SQLException {
        List<SectionState> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(read(rs));
            }
        }
        return rows;
    }

    private static SectionState read(ResultSet rs) throws SQLException {
        int score = rs.getInt("score");
        Integer nullableScore = rs.wasNull() ? null : score;
        Timestamp completed = rs.getTimestamp("completed_at");
        return new SectionState(rs.getObject("enrollment_id", UUID.class), rs.getLong("section_id"),
                ProgressStatus.valueOf(rs.getString("status")), nullableScore, rs.getTimestamp("started_at").toInstant(),
                completed == null ? null : completed.toInstant(), rs.getObject("recorded_by", UUID.class));
    }
}
