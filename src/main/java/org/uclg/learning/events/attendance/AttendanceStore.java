package org.uclg.learning.events.attendance;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The SQL of event_attendance. Recording is an insert that does nothing when a standing record
 * exists (the partial unique index), so two organisers, or an organiser and a check-in, recording
 * the same person at once record them once. A removal only marks the row.
 */
@Singleton
class AttendanceStore {
    private static final String COLUMNS = "id, event_id, user_id, source, recorded_by, recorded_at, removed_by, removed_at";
    private final JdbcOperations jdbc;

    AttendanceStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The new record, or empty when the person's attendance already stands. */
    Optional<AttendanceResponse> record(UUID eventId, UUID userId, AttendanceSource source, UUID recordedBy, Instant now) {
        return jdbc.prepareStatement("""
                INSERT INTO event_attendance (event_id, user_id, source, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (event_id, user_id) WHERE removed_at IS NULL DO NOTHING
                RETURNING\s""" + COLUMNS, ps -> {
            ps.setObject(1, eventId);
            ps.setObject(2, userId);
            ps.setString(3, source.name());
            ps.setObject(4, recordedBy);
            ps.setTimestamp(5, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        });
    }

    /** Marks the standing record as removed; empty when there is none. */
    Optional<AttendanceResponse> remove(UUID eventId, UUID userId, UUID removedBy, Instant now) {
        return jdbc.prepareStatement("UPDATE event_attendance SET removed_by = ?, removed_at = ? "
                + "WHERE event_id = ? AND user_id = ? AND removed_at IS NULL RETURNING " + COLUMNS, ps -> {
            ps.setObject(1, removedBy);
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setObject(3, eventId);
            ps.setObject(4, userId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        });
    }

    /** Which of these people have a standing record at the event. */
    Set<UUID> standing(UUID eventId, Collection<UUID> userIds) {
        if (userIds.isEmpty()) {
            return Set.of();
        }
        return jdbc.prepareStatement("SELECT user_id FROM event_attendance WHERE event_id = ? AND user_id = ANY(?) AND removed_at IS NULL", ps -> {
            ps.setObject(1, eventId);
            ps.setArray(2, ps.getConnection().createArrayOf("uuid", userIds.toArray()));
            Set<UUID> found = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getObject(1, UUID.class));
                }
            }
            return found;
        });
    }

    /** A page of the event's records, oldest first; with {@code withRemoved} the removed ones too. */
    List<AttendanceResponse> page(UUID eventId, boolean withRemoved, int page, int size) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM event_attendance WHERE event_id = ?"
                + (withRemoved ? "" : " AND removed_at IS NULL") + " ORDER BY recorded_at, id LIMIT ? OFFSET ?", ps -> {
            ps.setObject(1, eventId);
            ps.setInt(2, size);
            ps.setLong(3, (long) page * size);
            List<AttendanceResponse> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(read(rs));
                }
            }
            return rows;
        });
    }

    long count(UUID eventId, boolean withRemoved) {
        return jdbc.prepareStatement("SELECT count(*) FROM event_attendance WHERE event_id = ?"
                + (withRemoved ? "" : " AND removed_at IS NULL"), ps -> {
            ps.setObject(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static AttendanceResponse read(ResultSet rs) throws SQLException {
        Timestamp removed = rs.getTimestamp("removed_at");
        return new AttendanceResponse(rs.getLong("id"), rs.getObject("event_id", UUID.class), rs.getObject("user_id", UUID.class),
                null, AttendanceSource.valueOf(rs.getString("source")), rs.getObject("recorded_by", UUID.class),
                rs.getTimestamp("recorded_at").toInstant(), rs.getObject("removed_by", UUID.class),
                removed == null ? null : removed.toInstant());
    }

}
