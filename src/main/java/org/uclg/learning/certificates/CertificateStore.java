package org.uclg.learning.certificates;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The SQL of the job queue, the PDFs and the audit trail. */
@Singleton
class CertificateStore {
    private static final int MAX_ATTEMPTS = 5;

    /** A job for an enrollment's certificate, or (eventId and userId) for an attendance certificate. */
    record Job(long id, @Nullable UUID enrollmentId, CertificateKind kind, @Nullable String language, @Nullable UUID requestedBy,
               @Nullable UUID eventId, @Nullable UUID userId) {
    }

    private final JdbcOperations jdbc;

    CertificateStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues a job unless the same one is pending (the partial unique index decides under concurrency). */
    void enqueue(UUID enrollmentId, CertificateKind kind, @Nullable String language, @Nullable UUID requestedBy, Instant now) {
        jdbc.prepareStatement("""
                INSERT INTO certificate_jobs (enrollment_id, kind, language, requested_by, created_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (enrollment_id, kind) WHERE done_at IS NULL DO NOTHING""", ps -> {
            ps.setObject(1, enrollmentId);
            ps.setString(2, kind.name());
            ps.setString(3, language);
            ps.setObject(4, requestedBy);
            ps.setTimestamp(5, Timestamp.from(now));
            return ps.executeUpdate();
        });
    }

    /** Queues an attendance certificate unless one is pending for the same event and person. */
    void enqueueAttendance(UUID eventId, UUID userId, @Nullable UUID requestedBy, Instant now) {
        jdbc.prepareStatement("""
                INSERT INTO certificate_jobs (event_id, user_id, kind, requested_by, created_at) VALUES (?, ?, 'EVENT_ATTENDANCE', ?, ?)
                ON CONFLICT (event_id, user_id) WHERE done_at IS NULL AND event_id IS NOT NULL DO NOTHING""", ps -> {
            ps.setObject(1, eventId);
            ps.setObject(2, userId);
            ps.setObject(3, requestedBy);
            ps.setTimestamp(4, Timestamp.from(now));
            return ps.executeUpdate();
        });
    }

    /** The oldest pending job no other instance is working on, locked until the transaction ends. */
    Optional<Job> claim() {
        return jdbc.prepareStatement("""
                SELECT id, enrollment_id, kind, language, requested_by, event_id, user_id FROM certificate_jobs
                WHERE done_at IS NULL AND attempts < ? ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED""", ps -> {
            ps.setInt(1, MAX_ATTEMPTS);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Job(rs.getLong(1), rs.getObject(2, UUID.class), CertificateKind.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getObject(5, UUID.class), rs.getObject(6, UUID.class), rs.getObject(7, UUID.class)));
            }
        });
    }

    void done(long jobId, @Nullable String note, Instant now) {
        jdbc.prepareStatement("UPDATE certificate_jobs SET done_at = ?, last_error = ? WHERE id = ?", ps -> {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setString(2, note);
            ps.setLong(3, jobId);
            return ps.executeUpdate();
        });
    }

    void failed(long jobId, String error) {
        jdbc.prepareStatement("UPDATE certificate_jobs SET attempts = attempts + 1, last_error = left(?, 1000) WHERE id = ?", ps -> {
            ps.setString(1, error);
            ps.setLong(2, jobId);
            return ps.executeUpdate();
        });
    }

    void savePdf(UUID certificateId, byte[] pdf) {
        jdbc.prepareStatement("INSERT INTO certificate_pdfs (certificate_id, pdf) VALUES (?, ?)", ps -> {
            ps.setObject(1, certificateId);
            ps.setBytes(2, pdf);
            return ps.executeUpdate();
        });
    }

    Optional<byte[]> pdf(UUID certificateId) {
        return jdbc.prepareStatement("SELECT pdf FROM certificate_pdfs WHERE certificate_id = ?", ps -> {
            ps.setObject(1, certificateId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
            }
        });
    }

    void audit(UUID certificateId, AuditAction action, @Nullable UUID actor, @Nullable String reason, Instant now) {
        jdbc.prepareStatement("INSERT INTO certificate_events (certificate_id, action, actor_id, reason, at) VALUES (?, ?, ?, ?, ?)", ps -> {
            ps.setObject(1, certificateId);
            ps.setString(2, action.name());
            ps.setObject(3, actor);
            ps.setString(4, reason);
            ps.setTimestamp(5, Timestamp.from(now));
            return ps.executeUpdate();
        });
    }
}
