package org.uclg.learning.notifications;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The {@code notifications} table: written in the caller's transaction, taken by the worker with SKIP LOCKED. */
@Singleton
class Outbox {
    /** A message due for sending, locked by the worker's transaction. */
    record Due(MailOut.Mail mail, int attempts, boolean secret) {
    }

    private final JdbcOperations jdbc;

    Outbox(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** False when this recipient already has a notification of this kind and cause (at most one each). */
    boolean add(Recipient to, NotificationKind kind, String cause, MailText.Rendered text, MailAttachment attachment, Instant now) {
        return jdbc.prepareStatement("""
                INSERT INTO notifications (id, user_id, kind, cause, recipient, language, subject, body_text, body_html, secret,
                                           attachment_name, attachment_type, attachment, next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (user_id, kind, cause) DO NOTHING""", ps -> {
            Timestamp at = Timestamp.from(now);
            ps.setObject(1, UUID.randomUUID());
            ps.setObject(2, to.userId());
            ps.setString(3, kind.name());
            ps.setString(4, cause);
            ps.setString(5, to.email());
            ps.setString(6, to.language());
            ps.setString(7, text.subject());
            ps.setString(8, text.text());
            ps.setString(9, text.html());
            ps.setBoolean(10, kind.secret);
            ps.setString(11, attachment == null ? null : attachment.filename());
            ps.setString(12, attachment == null ? null : attachment.contentType());
            ps.setBytes(13, attachment == null ? null : attachment.content());
            ps.setTimestamp(14, at);
            ps.setTimestamp(15, at);
            return ps.executeUpdate() == 1;
        });
    }

    /** The oldest due message nobody else holds, locked until the caller's transaction ends. */
    Optional<Due> takeDue(Instant now) {
        return jdbc.prepareStatement("""
                SELECT id, recipient, subject, body_text, body_html, attachment_name, attachment_type, attachment, attempts, secret
                  FROM notifications
                 WHERE status = 'PENDING' AND next_attempt_at <= ?
                 ORDER BY next_attempt_at
                 LIMIT 1
                   FOR UPDATE SKIP LOCKED""", ps -> {
            ps.setTimestamp(1, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.<Due>empty();
                }
                String name = rs.getString(6);
                MailAttachment attachment = name == null ? null : new MailAttachment(name, rs.getString(7), rs.getBytes(8));
                return Optional.of(new Due(new MailOut.Mail(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), attachment), rs.getInt(9), rs.getBoolean(10)));
            }
        });
    }

    /** Sent: a message with a one-time token keeps no copy of it. */
    void sent(UUID id, Instant now) {
        jdbc.prepareStatement("""
                UPDATE notifications
                   SET status = 'SENT', sent_at = ?, attempts = attempts + 1, last_error = NULL,
                       body_text = CASE WHEN secret THEN NULL ELSE body_text END,
                       body_html = CASE WHEN secret THEN NULL ELSE body_html END
                 WHERE id = ?""", ps -> {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setObject(2, id);
            return ps.executeUpdate();
        });
    }

    /** A failed attempt: tried again at {@code retryAt}, or, when null, failed for good with its error kept. */
    void failed(UUID id, String error, Instant retryAt) {
        jdbc.prepareStatement("""
                UPDATE notifications
                   SET attempts = attempts + 1, last_error = ?,
                       status = CASE WHEN ?::timestamptz IS NULL THEN 'FAILED' ELSE 'PENDING' END,
                       next_attempt_at = coalesce(?::timestamptz, next_attempt_at),
                       body_text = CASE WHEN secret AND ?::timestamptz IS NULL THEN NULL ELSE body_text END,
                       body_html = CASE WHEN secret AND ?::timestamptz IS NULL THEN NULL ELSE body_html END
                 WHERE id = ?""", ps -> {
            Timestamp retry = retryAt == null ? null : Timestamp.from(retryAt);
            ps.setString(1, error.length() > 2000 ? error.substring(0, 2000) : error);
            for (int i = 2; i <= 5; i++) {
                ps.setTimestamp(i, retry);
            }
            ps.setObject(6, id);
            return ps.executeUpdate();
        });
    }
}
