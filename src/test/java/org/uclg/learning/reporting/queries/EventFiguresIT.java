package org.uclg.learning.reporting.queries;

import org.uclg.learning.reporting.ReportFilter;
import org.uclg.learning.reporting.ReportScope;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.uclg.learning.people.RegionalSection;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The event figures before and after the events tables exist. The tables are made in a schema of
 * this test's own (first on the search path), so the real ones, when they land, are untouched.
 */
@MicronautTest(transactional = false)
class EventFiguresIT {
    @Inject
    DataSource dataSource;
    @Inject
    EventFigures events;

    private Connection connection(String schema) throws Exception {
        DataSource ds = dataSource instanceof DelegatingDataSource d ? d.getTargetDataSource() : dataSource;
        Connection c = ds.getConnection();
        try (Statement st = c.createStatement()) {
            st.execute("SET search_path TO " + schema + ", public");
        }
        return c;
    }

    private static ReportFilter year(int y) {
        return new ReportFilter(null, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), null, null, null);
    }

    @Test
    void withoutTheEventsTablesTheFiguresAreLeftOutWithANote() throws Exception {
        String schema = "no_events_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = connection(schema)) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE SCHEMA " + schema);
            }
            boolean realTablesExist;
            try (var rs = c.createStatement().executeQuery("SELECT to_regclass('public.events') IS NOT NULL")) {
                rs.next();
                realTablesExist = rs.getBoolean(1);
            }
            if (realTablesExist) {
                return; // once the events feature is merged there is no "before" to check
            }
            ReachData data = new ReachData();
            String note = events.add(c, new ReportScope(null, null), year(2019), data);
            assertEquals(EventFigures.NOTE_ABSENT, note);
            assertNull(data.figures("").eventsHeld);
        }
    }

    @Test
    void withTheEventsTablesEventsRegistrationsAndAttendanceAreCounted() throws Exception {
        String schema = "events_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = connection(schema); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
            st.execute("CREATE TABLE " + schema + ".events (id uuid PRIMARY KEY, regional_section varchar(16), starts_at timestamptz, "
                    + "status varchar(16), module_code varchar(16))");
            st.execute("CREATE TABLE " + schema + ".event_registrations (id uuid PRIMARY KEY, event_id uuid, status varchar(16))");
            st.execute("CREATE TABLE " + schema + ".event_attendance (event_id uuid, user_id uuid, removed_at timestamptz)");
            st.execute("""
                    INSERT INTO events VALUES
                      ('00000000-0000-0000-0000-000000000001', 'AFRICA', '2019-03-01T10:00Z', 'PUBLISHED', 'SDG-1'),
                      ('00000000-0000-0000-0000-000000000002', 'AFRICA', '2019-04-01T10:00Z', 'CANCELLED', 'SDG-1'),
                      ('00000000-0000-0000-0000-000000000003', 'EUROPE', '2019-05-01T10:00Z', 'PUBLISHED', NULL),
                      ('00000000-0000-0000-0000-000000000004', 'EUROPE', '2020-01-01T00:30Z', 'PUBLISHED', NULL)""");
            for (int i = 0; i < 7; i++) {
                st.execute("INSERT INTO event_registrations VALUES (gen_random_uuid(), '00000000-0000-0000-0000-000000000001', '"
                        + (i < 5 ? "REGISTERED" : i == 5 ? "WAITLISTED" : "CANCELLED") + "')");
                st.execute("INSERT INTO event_registrations VALUES (gen_random_uuid(), '00000000-0000-0000-0000-000000000003', 'REGISTERED')");
            }
            for (int i = 0; i < 4; i++) {
                st.execute("INSERT INTO event_attendance VALUES ('00000000-0000-0000-0000-000000000001', gen_random_uuid(), NULL)");
            }
            // a corrected (removed) attendance stays as a row and does not count
            st.execute("INSERT INTO event_attendance VALUES ('00000000-0000-0000-0000-000000000001', gen_random_uuid(), now())");
            ReachData data = new ReachData();
            assertNull(events.add(c, new ReportScope(null, null), year(2019), data));
            ReachData.Figures total = data.figures("");
            assertEquals(2L, total.eventsHeld);
            assertEquals(12L, total.eventRegistrations);
            assertEquals(4L, total.eventAttendance);
            assertEquals(1L, data.figures("AFRICA").eventsHeld);
            assertEquals(5L, data.figures("AFRICA").eventRegistrations);

            ReachData europe = new ReachData();
            events.add(c, new ReportScope(EnumSet.of(RegionalSection.EUROPE), null), year(2019), europe);
            assertEquals(1L, europe.figures("").eventsHeld);
            assertEquals(0L, europe.figures("").eventAttendance);
            st.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }
}
