package org.uclg.learning.reporting.queries;

import org.uclg.learning.reporting.ReportFilter;
import org.uclg.learning.reporting.ReportScope;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Events held, registrations and attendance, read from the events feature's tables when they
 * exist. The schema is looked up in the catalogue on each report (a few milliseconds), so the
 * report works before the events migrations land (the figures are then absent, with a note) and
 * picks them up as soon as they do. Expected: {@code events(id, regional_section, starts_at
 * [, status, module_code, language, cohort_id])}, {@code event_registrations(event_id, status)} and
 * an attendance table ({@code event_attendance} or {@code event_attendances}) with {@code event_id}.
 */
@Singleton
class EventFigures {
    private static final Logger LOG = LoggerFactory.getLogger(EventFigures.class);
    static final String NOTE_ABSENT = "events: the events tables do not exist yet; eventsHeld, eventRegistrations and eventAttendance are left out";

    /** Adds the figures to the total and the regional sections; returns a note when they could not be counted. */
    String add(Connection c, ReportScope scope, ReportFilter filter, ReachData data) throws SQLException {
        Set<String> events = columns(c, "events");
        if (!events.containsAll(List.of("id", "regional_section", "starts_at"))) {
            return NOTE_ABSENT;
        }
        if (filter.kind() != null) {
            return "events: events have no cohort kind; they are left out when the report is filtered by kind";
        }
        if (scope.trainerId() != null && !events.contains("cohort_id")) {
            return "events: a trainer's report counts no events (events are not tied to cohorts)";
        }
        Sql held = new Sql().add("SELECT ev.id, ev.regional_section FROM events ev WHERE ev.starts_at >= (?::date)::timestamp AT TIME ZONE 'UTC' AND ev.starts_at < (?::date + 1)::timestamp AT TIME ZONE 'UTC'",
                filter.from(), filter.to());
        if (events.contains("status")) {
            held.add(" AND ev.status NOT IN ('CANCELLED', 'DRAFT')");
        }
        if (scope.regionalSections() != null) {
            held.add(" AND ev.regional_section = ANY(?)", scope.regionalSections().stream().map(Enum::name).toList());
        }
        if (filter.module() != null) {
            if (!events.contains("module_code")) {
                return "events: events have no module; they are left out when the report is filtered by module";
            }
            held.add(" AND ev.module_code = ?", filter.module());
        }
        if (filter.language() != null && events.contains("language")) {
            held.add(" AND ev.language = ?", filter.language());
        }
        if (scope.trainerId() != null) {
            held.add(" AND ev.cohort_id IN (SELECT ct.cohort_id FROM cohort_trainers ct WHERE ct.trainer_id = ?)", scope.trainerId());
        }
        Set<String> registrations = columns(c, "event_registrations");
        String attendanceTable = columns(c, "event_attendance").contains("event_id") ? "event_attendance"
                : columns(c, "event_attendances").contains("event_id") ? "event_attendances" : null;
        String registered = !registrations.contains("event_id") ? "NULL::bigint"
                : "(SELECT count(*) FROM event_registrations r WHERE r.event_id = h.id"
                + (registrations.contains("status") ? " AND r.status <> 'CANCELLED' AND r.status <> 'WAITLISTED'" : "") + ")";
        // a corrected (removed) attendance keeps its row with removed_at set: it no longer counts
        String attended = attendanceTable == null ? "NULL::bigint"
                : "(SELECT count(*) FROM " + attendanceTable + " a WHERE a.event_id = h.id"
                + (columns(c, attendanceTable).contains("removed_at") ? " AND a.removed_at IS NULL" : "") + ")";
        Sql sql = new Sql().add("WITH h AS (").add(held.toString(), heldArgs(held))
                .add(") SELECT GROUPING(regional_section), regional_section, count(*), sum(reg), sum(att) FROM (SELECT h.id, h.regional_section, "
                        + registered + " AS reg, " + attended + " AS att FROM h) AS x GROUP BY GROUPING SETS ((), (regional_section))");
        // a schema that is not what we expect must not break the report: count what we can, in a savepoint
        boolean auto = c.getAutoCommit();
        Savepoint sp = null;
        try {
            if (!auto) {
                sp = c.setSavepoint();
            }
            data.figures("").eventsHeld = 0L;
            sql.each(c, rs -> {
                ReachData.Figures f = data.figures(rs.getInt(1) == 1 ? "" : rs.getString(2));
                f.eventsHeld = rs.getLong(3);
                long reg = rs.getLong(4);
                f.eventRegistrations = rs.wasNull() ? null : reg;
                long att = rs.getLong(5);
                f.eventAttendance = rs.wasNull() ? null : att;
            });
            return null;
        } catch (SQLException e) {
            LOG.warn("event figures could not be counted", e);
            if (sp != null) {
                c.rollback(sp);
            }
            return "events: the events tables could not be read (" + e.getSQLState() + "); the event figures are left out";
        }
    }

    private static Object[] heldArgs(Sql held) {
        return held.args().toArray();
    }

    private static Set<String> columns(Connection c, String table) throws SQLException {
        Set<String> names = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT column_name FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = ?""")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }
}
