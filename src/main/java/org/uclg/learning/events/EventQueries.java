package org.uclg.learning.events;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.uclg.learning.people.RegionalSection;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The SQL of events that a derived finder cannot say: named organisers and the filtered listing. */
@Singleton
class EventQueries {
    private final JdbcOperations jdbc;

    EventQueries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Upcoming: not yet ended, soonest first. Past: ended, latest first. */
    enum When { UPCOMING, PAST, ALL }

    /** Filters of GET /events; null means any. */
    record Filter(When when, @Nullable RegionalSection regionalSection, @Nullable String moduleCode,
                  @Nullable EventKind kind, @Nullable EventFormat format, @Nullable String language,
                  @Nullable EventStatus status, @Nullable UUID cohortId, @Nullable Instant from, @Nullable Instant to) {
    }

    /**
     * Who sees drafts: everyone sees published and cancelled events; admins ({@code all}) every draft;
     * others the drafts of the regional sections they coordinate, of the cohorts they manage, and
     * those naming them as organisers. The same rule as {@link EventAccess}, said in SQL.
     */
    record Viewer(boolean all, List<RegionalSection> coordinated, Collection<UUID> managedCohorts, @Nullable UUID userId) {
        static final Viewer ANONYMOUS = new Viewer(false, List.of(), List.of(), null);
    }

    record Page(List<Event> items, long total) {
    }

    Page search(Filter f, Viewer viewer, Instant now, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> args = new ArrayList<>();
        switch (f.when()) {
            case UPCOMING -> {
                where.append(" AND e.ends_at >= ?");
                args.add(now);
            }
            case PAST -> {
                where.append(" AND e.ends_at < ?");
                args.add(now);
            }
            case ALL -> {
            }
        }
        add(where, args, "e.regional_section = ?", f.regionalSection() == null ? null : f.regionalSection().name());
        add(where, args, "e.module_code = ?", f.moduleCode());
        add(where, args, "e.kind = ?", f.kind() == null ? null : f.kind().name());
        add(where, args, "e.format = ?", f.format() == null ? null : f.format().name());
        add(where, args, "e.language = ?", f.language());
        add(where, args, "e.status = ?", f.status() == null ? null : f.status().name());
        add(where, args, "e.cohort_id = ?", f.cohortId());
        add(where, args, "e.starts_at >= ?", f.from());
        add(where, args, "e.starts_at < ?", f.to());
        if (!viewer.all()) {
            where.append(" AND (e.status <> 'DRAFT' OR e.regional_section = ANY(?) OR e.cohort_id = ANY(?)"
                    + " OR EXISTS (SELECT 1 FROM event_organisers o WHERE o.event_id = e.id AND o.user_id = ?))");
            args.add(viewer.coordinated().stream().map(Enum::name).toArray(String[]::new));
            args.add(viewer.managedCohorts().toArray(UUID[]::new));
            args.add(viewer.userId());
        }
        long total = jdbc.prepareStatement("SELECT count(*) FROM events e" + where, ps -> {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        String order = f.when() == When.PAST ? " ORDER BY e.starts_at DESC, e.id" : " ORDER BY e.starts_at, e.id";
        List<Event> items = jdbc.prepareStatement("SELECT e.* FROM events e" + where + order + " LIMIT ? OFFSET ?", ps -> {
            List<Object> all = new ArrayList<>(args);
            all.add(size);
            all.add((long) page * size);
            bind(ps, all);
            return read(ps);
        });
        return new Page(items, total);
    }

    /** The published and cancelled events of a regional section starting after {@code since}, soonest first (the calendar feed). */
    List<Event> feed(RegionalSection section, Instant since, int limit) {
        return jdbc.prepareStatement("""
                SELECT * FROM events WHERE regional_section = ? AND status <> 'DRAFT' AND starts_at >= ?
                ORDER BY starts_at, id LIMIT ?""", ps -> {
            bind(ps, List.of(section.name(), since, limit));
            return read(ps);
        });
    }

    Map<UUID, List<UUID>> organisers(Collection<UUID> eventIds) {
        Map<UUID, List<UUID>> byEvent = new HashMap<>();
        if (eventIds.isEmpty()) {
            return byEvent;
        }
        return jdbc.prepareStatement(
                "SELECT event_id, user_id FROM event_organisers WHERE event_id = ANY(?) ORDER BY added_at, user_id", ps -> {
                    ps.setArray(1, ps.getConnection().createArrayOf("uuid", eventIds.toArray()));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            byEvent.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getObject(2, UUID.class));
                        }
                    }
                    return byEvent;
                });
    }

    /** Sets the named organisers of an event to exactly these, keeping when those who stay were added. */
    void replaceOrganisers(UUID eventId, List<UUID> userIds, UUID addedBy, Instant now) {
        jdbc.prepareStatement("DELETE FROM event_organisers WHERE event_id = ? AND NOT (user_id = ANY(?))", ps -> {
            ps.setObject(1, eventId);
            ps.setArray(2, ps.getConnection().createArrayOf("uuid", userIds.toArray()));
            return ps.executeUpdate();
        });
        jdbc.prepareStatement("""
                INSERT INTO event_organisers (event_id, user_id, added_by, added_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (event_id, user_id) DO NOTHING""", ps -> {
            for (UUID user : userIds) {
                ps.setObject(1, eventId);
                ps.setObject(2, user);
                ps.setObject(3, addedBy);
                ps.setTimestamp(4, Timestamp.from(now));
                ps.addBatch();
            }
            return ps.executeBatch();
        });
    }

    private List<Event> read(PreparedStatement ps) throws SQLException {
        List<Event> list = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                list.add(jdbc.readEntity(rs, Event.class));
            }
        }
        return list;
    }

    private static void add(StringBuilder where, List<Object> args, String condition, @Nullable Object value) {
        if (value != null) {
            where.append(" AND ").append(condition);
            args.add(value);
        }
    }

    private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            Object a = args.get(i);
            if (a instanceof String[] strings) {
                ps.setArray(i + 1, ps.getConnection().createArrayOf("varchar", strings));
            } else if (a instanceof UUID[] uuids) {
                ps.setArray(i + 1, ps.getConnection().createArrayOf("uuid", uuids));
            } else if (a instanceof Instant instant) {
                ps.setTimestamp(i + 1, Timestamp.from(instant));
            } else {
                ps.setObject(i + 1, a);
            }
        }
    }
}
