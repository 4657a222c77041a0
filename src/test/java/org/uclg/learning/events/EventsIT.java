package org.uclg.learning.events;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.uclg.learning.support.Api;
import org.uclg.learning.support.Fixtures;
import org.uclg.learning.support.IntegrationBase;

import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uclg.learning.events.EventBodies.create;
import static org.uclg.learning.events.EventBodies.published;
import static org.uclg.learning.events.EventBodies.webinar;
import static org.uclg.learning.events.EventBodies.with;

/** Events themselves: who creates and sees them, bad input, listing, languages and iCalendar over HTTP. */
@MicronautTest(transactional = false)
@SuppressWarnings("unchecked")
class EventsIT extends IntegrationBase {
    private static final Instant START = Instant.parse("2027-03-30T13:00:00Z");

    @Test
    void onlyAdminsCoordinatorsOfTheHostAndTrainersOfTheirCohortCreateEvents() {
        Map<String, Object> body = webinar(START, 40);
        assertEquals(401, api.post("/api/v1/events", body, null).status());
        assertEquals(403, api.post("/api/v1/events", body, fx.learner("nope").token()).status());
        assertEquals(403, api.post("/api/v1/events", body, fx.trainer("t").token()).status());
        assertEquals(403, api.post("/api/v1/events", body, fx.coordinator("latam", "LATAM").token()).status());
        Map<String, Object> created = create(api, body, fx.coordinator("africa", "AFRICA").token());
        assertEquals("DRAFT", created.get("status"));
        assertEquals(0, created.get("sequence"));
        assertEquals(40, created.get("seatsLeft"));
        assertEquals("2027-03-30T13:00:00Z", created.get("startsAt"));
        assertEquals("2027-03-30T13:00:00Z", created.get("localStartsAt"), "Dakar is on UTC all year");
        assertNotNull(created.get("checkInCode"));
        assertEquals(1L, db.value("SELECT count(*) FROM events WHERE id = ?::uuid", created.get("id")));
    }

    @Test
    void aDraftIsInvisibleToOthersAndPublishedEventsArePublic() {
        Api.Account coordinator = fx.coordinator("vis", "AFRICA");
        String id = (String) create(api, webinar(START, null), coordinator.token()).get("id");
        Api.Account learner = fx.learner("vis");
        assertEquals(404, api.get("/api/v1/events/" + id, null).status());
        assertEquals(404, api.get("/api/v1/events/" + id, learner.token()).status());
        assertEquals(404, api.get("/api/v1/events/" + id + "/calendar.ics", null).status());
        assertEquals(404, api.post("/api/v1/events/" + id + "/publish", Map.of(), learner.token()).status());
        assertEquals(200, api.get("/api/v1/events/" + id, coordinator.token()).status());
        assertEquals(200, api.post("/api/v1/events/" + id + "/publish", Map.of(), coordinator.token()).status());
        Map<String, Object> seen = api.get("/api/v1/events/" + id, null).json();
        assertEquals("PUBLISHED", seen.get("status"));
        assertNull(seen.get("checkInCode"));
        assertEquals(false, seen.get("managed"));
        assertEquals(403, api.post("/api/v1/events/" + id + "/cancel", Map.of(), learner.token()).status());
        assertEquals(403, api.put("/api/v1/events/" + id, webinar(START, null), fx.coordinator("other", "EUROPE").token()).status());
        // a named organiser manages it too
        Api.Account named = fx.learner("named");
        Api.Response edited = api.put("/api/v1/events/" + id, with(webinar(START, null), "organiserIds", List.of(named.id())), coordinator.token());
        assertEquals(200, edited.status(), edited.body());
        assertEquals(true, api.get("/api/v1/events/" + id, named.token()).json().get("managed"));
    }

    @Test
    void badInputIsA400NamingTheFieldNeverA500() {
        String admin = fx.admin();
        Map<String, Object> ok = webinar(START, 10);
        Object[][] cases = {
                {with(ok, "timezone", "Mars/Olympus_Mons"), "timezone"},
                {with(ok, "timezone", "+01:00"), "timezone"},
                {with(ok, "startsAt", "tomorrow"), "startsAt"},
                {with(ok, "startsAt", "2027-03-30T13:00:00"), "startsAt"},
                {with(ok, "endsAt", START.minusSeconds(60).toString()), "endsAt"},
                {with(ok, "capacity", "ten"), "capacity"},
                {with(ok, "capacity", 0), "capacity"},
                {with(ok, "kind", "PARTY"), "kind"},
                {with(ok, "format", "IN_PERSON"), "venue"},
                {with(ok, "venue", Map.of("name", "Hall", "city", "Dakar", "country", "SN")), "venue"},
                {with(ok, "format", "HYBRID", "venue", Map.of("name", "Hall", "city", "Dakar", "country", "XX")), "venue.country"},
                {with(ok, "joinUrl", "javascript:alert(1)"), "joinUrl"},
                {with(ok, "title", "A\u0000B"), "title"},
                {with(ok, "title", "x".repeat(301)), "title"},
                {with(ok, "description", "y".repeat(6000)), "description"},
                {with(ok, "regionalSection", "MARS"), "regionalSection"},
                {with(ok, "moduleCode", "NOPE-9"), "moduleCode"},
                {with(ok, "sectionKey", "intro"), "sectionKey"},
                {with(ok, "cohortId", "not-a-uuid"), "cohortId"},
                {with(ok, "cohortId", "00000000-0000-0000-0000-000000000001"), "cohortId"},
                {with(ok, "translations", Map.of("de", Map.of("title", "Lokalisierung"))), "translations"},
                {with(ok, "registrationDeadline", START.plus(1, ChronoUnit.DAYS).toString()), "registrationDeadline"},
                {with(ok, "organiserIds", List.of("00000000-0000-0000-0000-000000000002")), "organiserIds[0]"},
        };
        for (Object[] c : cases) {
            Api.Response r = api.post("/api/v1/events", c[0], admin);
            assertEquals(400, r.status(), c[1] + ": " + r.body());
            assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
            assertTrue(Fixtures.errorFields(r).contains((String) c[1]), c[1] + " expected in " + r.body());
        }
        Api.Response notJson = api.post("/api/v1/events", "{\"title\": ", admin);
        assertEquals(400, notJson.status(), notJson.body());
        assertEquals(400, api.get("/api/v1/events?when=someday&kind=PARTY&from=yesterday", null).status());
        assertEquals(List.of("from", "kind", "when"), Fixtures.errorFields(api.get("/api/v1/events?when=someday&kind=PARTY&from=yesterday", null))
                .stream().sorted().toList());
        Api.Response badId = api.get("/api/v1/events/not-a-uuid", null);
        assertEquals(400, badId.status(), badId.body());
        assertTrue(badId.contentType().startsWith("application/problem+json"));
    }

    @Test
    void listingFiltersByRegionalSectionKindFormatLanguageAndDatesInTheRequestedLanguage() {
        String admin = fx.admin();
        Instant day = Instant.parse("2027-06-15T09:00:00Z");
        String mewa = published(api, with(webinar(day, null), "regionalSection", "MEWA", "kind", "HUB_GATHERING", "language", "fr",
                "translations", Map.of("en", Map.of("title", "Resilient cities hub"))), admin);
        published(api, with(webinar(day.plus(1, ChronoUnit.DAYS), null), "regionalSection", "MEWA"), admin);
        String draft = (String) create(api, with(webinar(day, null), "regionalSection", "MEWA", "kind", "HUB_GATHERING"), admin).get("id");

        Api.Response r = api.get("/api/v1/events?regionalSection=MEWA&kind=HUB_GATHERING&from=2027-06-15&to=2027-06-15&lang=en", null);
        assertEquals(200, r.status(), r.body());
        List<Map<String, Object>> items = (List<Map<String, Object>>) r.json().get("items");
        assertEquals(List.of(mewa), items.stream().map(i -> i.get("id")).toList(), "drafts are not public");
        assertEquals("Resilient cities hub", items.get(0).get("title"));
        assertEquals("en", items.get(0).get("textLanguage"));
        assertEquals("en", r.header("Content-Language"));
        Api.Response french = api.get("/api/v1/events?regionalSection=MEWA&kind=HUB_GATHERING&from=2027-06-15&to=2027-06-15", null,
                "Accept-Language", "fr-CA,fr;q=0.9");
        assertEquals("Localizing the SDGs in secondary cities",
                ((List<Map<String, Object>>) french.json().get("items")).get(0).get("title"), "the fr title is the event's own");

        Api.Response forAdmin = api.get("/api/v1/events?regionalSection=MEWA&kind=HUB_GATHERING&from=2027-06-15&to=2027-06-15", admin);
        assertTrue(((List<Map<String, Object>>) forAdmin.json().get("items")).stream().anyMatch(i -> i.get("id").equals(draft)));
        Api.Response languageFr = api.get("/api/v1/events?regionalSection=MEWA&language=fr&from=2027-06-15&to=2027-06-16", null);
        assertEquals(1, ((Number) languageFr.json().get("total")).intValue());
        Api.Response online = api.get("/api/v1/events?regionalSection=MEWA&format=IN_PERSON&from=2027-06-15&to=2027-06-16", null);
        assertEquals(0, ((Number) online.json().get("total")).intValue());
        Api.Response past = api.get("/api/v1/events?when=past&regionalSection=MEWA&from=2027-06-15&to=2027-06-16", null);
        assertEquals(0, ((Number) past.json().get("total")).intValue());
    }

    @Test
    void theCalendarOfAnEventParsesBackToTheSameInstantAndChangesRaiseTheSequence() throws Exception {
        String admin = fx.admin();
        Map<String, Object> body = with(webinar(START, null), "timezone", "Europe/Madrid", "regionalSection", "EUROPE");
        String id = published(api, body, admin);
        Api.Response ics = api.get("/api/v1/events/" + id + "/calendar.ics", null);
        assertEquals(200, ics.status(), ics.body());
        assertEquals("text/calendar; charset=UTF-8", ics.contentType());
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics.body()));
        VEvent event = (VEvent) calendar.getComponents("VEVENT").get(0);
        ZonedDateTime start = (ZonedDateTime) event.getDateTimeStart().orElseThrow().getDate();
        assertEquals(START, start.toInstant());
        assertEquals(ZoneOffset.ofHours(2), start.getOffset(), "30 March 2027 is summer time in Madrid");
        assertEquals("Europe/Madrid", event.getDateTimeStart().orElseThrow().getParameter("TZID").orElseThrow().getValue());
        String uid = event.getUid().orElseThrow().getValue();
        int sequence = event.getSequence().orElseThrow().getSequenceNo();

        assertEquals(200, api.put("/api/v1/events/" + id, with(body, "title", "Moved"), admin).status());
        assertEquals(200, api.post("/api/v1/events/" + id + "/cancel", Map.of(), admin).status());
        Api.Response after = api.get("/api/v1/events/" + id + "/calendar.ics", null);
        VEvent cancelled = (VEvent) new CalendarBuilder().build(new StringReader(after.body())).getComponents("VEVENT").get(0);
        assertEquals(uid, cancelled.getUid().orElseThrow().getValue(), "the UID is stable");
        assertEquals(sequence + 2, cancelled.getSequence().orElseThrow().getSequenceNo());
        assertEquals("CANCELLED", cancelled.getStatus().orElseThrow().getValue());

        Api.Response feed = api.get("/api/v1/regional-sections/europe/events.ics", null);
        assertEquals(200, feed.status());
        assertTrue(feed.body().contains(uid), "the regional section's feed holds the event");
        assertEquals(404, api.get("/api/v1/regional-sections/ATLANTIS/events.ics", null).status());
    }
}
