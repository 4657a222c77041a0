package org.uclg.learning.events.calendar;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.io.TimezoneAssignment;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStart;
import org.junit.jupiter.api.Test;
import org.uclg.learning.events.EventFormat;
import org.uclg.learning.events.EventKind;
import org.uclg.learning.events.EventResponse;
import org.uclg.learning.events.EventStatus;
import org.uclg.learning.events.Venue;
import org.uclg.learning.people.RegionalSection;

import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventCalendarTest {
    private final EventCalendar calendar = new EventCalendar("https://learning.example.org/");

    static EventResponse event(String zone, Instant start, EventStatus status, int sequence) {
        return new EventResponse(UUID.randomUUID(), EventKind.WEBINAR, EventFormat.HYBRID, status, "es", "Presupuestos participativos",
                "Una sesión; con comas, y punto y coma", "es", Map.of("es", "Presupuestos participativos"), Map.of(), start,
                start.plusSeconds(5400), zone, "", "", 30, 0, 30, null, "https://meet.example.org/abc", new Venue("Palacio", "Ciudad de México", "MX"),
                RegionalSection.LATAM, null, null, null, false, List.of(), sequence, false, null, start, start);
    }

    @Test
    void writesLocalTimesWithTheirVtimezoneThatIcal4jReadsBackToTheSameInstantInTheSameZone() throws Exception {
        // 15:00 in Mexico City is 21:00 UTC; in March 2026 Madrid has switched to summer time (UTC+2), Mexico City has no DST any more
        Instant mexico = Instant.parse("2026-03-30T21:00:00Z");
        Instant madrid = Instant.parse("2026-03-30T08:00:00Z");
        EventResponse a = event("America/Mexico_City", mexico, EventStatus.PUBLISHED, 3);
        EventResponse b = event("Europe/Madrid", madrid, EventStatus.CANCELLED, 5);
        Instant dakar = Instant.parse("2026-11-05T09:30:00Z");
        EventResponse c = event("Africa/Dakar", dakar, EventStatus.PUBLISHED, 0);
        String ics = calendar.write(List.of(a, b, c), "LATAM");

        assertTrue(ics.contains("BEGIN:VTIMEZONE"), ics);
        assertTrue(ics.contains("TZID:America/Mexico_City"), ics);
        assertTrue(ics.contains("DTSTART;TZID=America/Mexico_City:20260330T150000"), ics);
        assertTrue(ics.contains("DTSTART;TZID=Europe/Madrid:20260330T100000"), ics);
        assertTrue(ics.contains("UID:event-" + a.id() + "@learning.example.org"), ics);
        assertTrue(ics.contains("SEQUENCE:3"), ics);
        assertTrue(ics.contains("STATUS:CANCELLED"), ics);

        Calendar parsed = new CalendarBuilder().build(new StringReader(ics));
        List<VEvent> events = parsed.getComponents("VEVENT");
        assertEquals(3, events.size());
        DtStart<Temporal> start = events.get(0).getDateTimeStart().orElseThrow();
        ZonedDateTime zoned = (ZonedDateTime) start.getDate();
        assertEquals(mexico, zoned.toInstant());
        // ical4j names a zone read from a VTIMEZONE by an id of its own; the TZID and the offset are the event's
        assertEquals(ZoneOffset.ofHours(-6), zoned.getOffset());
        assertEquals("America/Mexico_City", start.getParameter("TZID").orElseThrow().getValue());
        ZonedDateTime second = (ZonedDateTime) events.get(1).getDateTimeStart().orElseThrow().getDate();
        assertEquals(madrid, second.toInstant());
        assertEquals(ZoneOffset.ofHours(2), second.getOffset(), "Madrid is on summer time on 30 March 2026");
        assertEquals("Europe/Madrid", events.get(1).getDateTimeStart().orElseThrow().getParameter("TZID").orElseThrow().getValue());
        ZonedDateTime third = (ZonedDateTime) events.get(2).getDateTimeStart().orElseThrow().getDate();
        assertEquals(dakar, third.toInstant());
        assertTrue(ics.contains("DTSTART;TZID=Africa/Dakar:20261105T093000"), ics);
    }

    @Test
    void anIndependentParserReadsTheSameInstantZoneUidSequenceAndStatus() {
        Instant start = Instant.parse("2026-11-05T09:30:00Z");
        EventResponse e = event("Africa/Dakar", start, EventStatus.CANCELLED, 7);
        String ics = calendar.write(List.of(e), "AFRICA");
        ICalendar ical = Biweekly.parse(ics).first();
        assertNotNull(ical);
        biweekly.component.VEvent v = ical.getEvents().get(0);
        assertEquals(start, v.getDateStart().getValue().toInstant());
        assertEquals(start.plusSeconds(5400), v.getDateEnd().getValue().toInstant());
        TimezoneAssignment tz = ical.getTimezoneInfo().getTimezone(v.getDateStart());
        assertNotNull(tz, "DTSTART names its zone");
        assertEquals("Africa/Dakar", tz.getComponent().getTimezoneId().getValue());
        assertEquals("event-" + e.id() + "@learning.example.org", v.getUid().getValue());
        assertEquals(7, v.getSequence().getValue());
        assertEquals("CANCELLED", v.getStatus().getValue());
        assertTrue(v.getLocation().getValue().contains("Palacio, Ciudad de México, Mexico"));
        assertEquals("Presupuestos participativos", v.getSummary().getValue());
    }
}
