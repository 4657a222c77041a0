package org.uclg.learning.events;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.uclg.learning.support.Api;
import org.uclg.learning.support.Fixtures;
import org.uclg.learning.support.IntegrationBase;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uclg.learning.events.EventBodies.published;
import static org.uclg.learning.events.EventBodies.register;
import static org.uclg.learning.events.EventBodies.webinar;
import static org.uclg.learning.events.EventBodies.with;

/** Registration: seats, waitlist, deadline, cohort-only events, one place per person, the organiser's list and CSV. */
@MicronautTest(transactional = false)
class EventRegistrationIT extends IntegrationBase {
    private static final Instant NEXT_WEEK = Instant.now().plus(7, ChronoUnit.DAYS);

    private String status(String registrationId) {
        return (String) db.value("SELECT status FROM event_registrations WHERE id = ?::uuid", registrationId);
    }

    @Test
    void thirtyConcurrentRegistrationsIntoThreeSeatsNeverOverfillTheEvent() throws Exception {
        String event = published(api, webinar(NEXT_WEEK, 3), fx.admin());
        List<Api.Account> people = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            people.add(fx.learner("rush" + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(30);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> results = new ArrayList<>();
        for (Api.Account p : people) {
            results.add(pool.submit(() -> {
                start.await();
                return register(api, event, p.token());
            }));
        }
        start.countDown();
        int registered = 0;
        int waitlisted = 0;
        for (Future<Api.Response> f : results) {
            Api.Response r = f.get(60, TimeUnit.SECONDS);
            assertEquals(201, r.status(), r.body());
            switch ((String) r.json().get("status")) {
                case "REGISTERED" -> registered++;
                case "WAITLISTED" -> waitlisted++;
                default -> throw new AssertionError(r.body());
            }
        }
        pool.shutdown();
        assertEquals(3, registered);
        assertEquals(27, waitlisted);
        assertEquals(3L, db.value("SELECT count(*) FROM event_registrations WHERE event_id = ?::uuid AND status = 'REGISTERED'", event));
        assertEquals(3, db.value("SELECT seats_taken FROM events WHERE id = ?::uuid", event));
        Map<String, Object> shown = api.get("/api/v1/events/" + event, null).json();
        assertEquals(0, shown.get("seatsLeft"));
    }

    @Test
    void cancellingASeatPromotesTheOldestWaitlistedAndGrowingTheCapacityPromotesTheNext() {
        String admin = fx.admin();
        Map<String, Object> body = webinar(NEXT_WEEK, 1);
        String event = published(api, body, admin);
        Api.Account first = fx.learner("first");
        Api.Account second = fx.learner("second");
        Api.Account third = fx.learner("third");
        String r1 = (String) register(api, event, first.token()).json().get("id");
        Api.Response w2 = register(api, event, second.token());
        Api.Response w3 = register(api, event, third.token());
        assertEquals("WAITLISTED", w2.json().get("status"));
        assertEquals("WAITLISTED", w3.json().get("status"));

        Api.Response cancelled = api.post("/api/v1/events/" + event + "/registrations/" + r1 + "/cancel", Map.of(), first.token());
        assertEquals(200, cancelled.status(), cancelled.body());
        assertEquals("CANCELLED", cancelled.json().get("status"));
        assertEquals("REGISTERED", status((String) w2.json().get("id")), "the oldest waitlisted moves up");
        assertEquals("WAITLISTED", status((String) w3.json().get("id")));

        Api.Response grown = api.put("/api/v1/events/" + event, with(body, "capacity", 2), admin);
        assertEquals(200, grown.status(), grown.body());
        assertEquals("REGISTERED", status((String) w3.json().get("id")), "more room moves the waitlist up in the same request");
        assertEquals(2, grown.json().get("seatsTaken"));
        assertEquals(2, db.value("SELECT seats_taken FROM events WHERE id = ?::uuid", event));

        Api.Response below = api.put("/api/v1/events/" + event, with(body, "capacity", 1), admin);
        assertEquals(409, below.status(), below.body());
        assertEquals(List.of("capacity"), Fixtures.errorFields(below));

        // the person who cancelled may register again, at the back of the queue
        Api.Response again = register(api, event, first.token());
        assertEquals(201, again.status(), again.body());
        assertEquals("WAITLISTED", again.json().get("status"));
    }

    @Test
    void aPersonRegistersOnceAndAnotherLearnerCannotCancelTheirPlace() {
        String event = published(api, webinar(NEXT_WEEK, null), fx.admin());
        Api.Account learner = fx.learner("once");
        Api.Response r = register(api, event, learner.token());
        assertEquals("REGISTERED", r.json().get("status"));
        Api.Response twice = register(api, event, learner.token());
        assertEquals(409, twice.status());
        assertTrue(twice.json().get("type").toString().endsWith("already-registered"), twice.body());

        Api.Account other = fx.learner("other");
        Api.Response stranger = api.post("/api/v1/events/" + event + "/registrations/" + r.json().get("id") + "/cancel", Map.of(), other.token());
        assertEquals(404, stranger.status());
        Api.Response registerOther = api.post("/api/v1/events/" + event + "/registrations", Map.of("userId", other.id()), learner.token());
        assertEquals(403, registerOther.status(), "only organisers register someone else");
        assertEquals("REGISTERED", status((String) r.json().get("id")));
    }

    @Test
    void theDeadlineClosesSelfRegistrationButAnOrganiserMayStillRegisterSomeone() {
        Instant now = Instant.now();
        String coordinatorToken = fx.coordinator("coord", "AFRICA").token();
        Map<String, Object> body = with(webinar(now.plus(2, ChronoUnit.DAYS), null),
                "registrationDeadline", now.plus(3, ChronoUnit.SECONDS).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1).toString());
        String event = published(api, body, coordinatorToken);
        Api.Account early = fx.learner("early");
        assertEquals(201, register(api, event, early.token()).status());
        Api.Account late = fx.learner("late");
        long until = System.currentTimeMillis() + 15_000;
        Api.Response closed;
        do {
            closed = register(api, event, late.token());
        } while (closed.status() == 201 && cancelAndRetry(event, closed, late) && System.currentTimeMillis() < until);
        assertEquals(409, closed.status(), closed.body());
        assertEquals(List.of("registrationDeadline"), Fixtures.errorFields(closed));
        Api.Response byOrganiser = api.post("/api/v1/events/" + event + "/registrations", Map.of("userId", late.id()), coordinatorToken);
        assertEquals(201, byOrganiser.status(), byOrganiser.body());
    }

    /** Before the deadline passes the registration succeeds; cancel it and try again a moment later. */
    private boolean cancelAndRetry(String event, Api.Response registered, Api.Account who) {
        api.post("/api/v1/events/" + event + "/registrations/" + registered.json().get("id") + "/cancel", Map.of(), who.token());
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }

    @Test
    void anEventOfACohortTakesOnlyItsEnrolledLearners() {
        Api.Account trainer = fx.certifiedTrainer("evtrainer", "RES-1");
        String cohort = (String) fx.createCohort(Fixtures.cohortBody("RES-1", "FACILITATED", null, "OPEN", "AFRICA",
                List.of(trainer.id())), fx.admin()).get("id");
        Api.Account enrolled = fx.learner("enrolled");
        fx.enroll(cohort, enrolled.token());
        Api.Account outsider = fx.learner("outsider");
        // the cohort's own trainer creates the event of the cohort
        String event = published(api, with(webinar(NEXT_WEEK, null), "kind", "PEER_EXCHANGE", "cohortId", cohort), trainer.token());
        assertEquals(201, register(api, event, enrolled.token()).status());
        Api.Response refused = register(api, event, outsider.token());
        assertEquals(403, refused.status(), refused.body());
        Api.Response byTrainer = api.post("/api/v1/events/" + event + "/registrations", Map.of("userId", outsider.id()), trainer.token());
        assertEquals(400, byTrainer.status());
        assertEquals(List.of("userId"), Fixtures.errorFields(byTrainer));
        assertEquals(1L, db.value("SELECT count(*) FROM event_registrations WHERE event_id = ?::uuid", event));
    }

    @Test
    void cancellingTheEventTellsEveryRegistrantAndKeepsTheRows() {
        String admin = fx.admin();
        String event = published(api, webinar(NEXT_WEEK, 1), admin);
        String r1 = (String) register(api, event, fx.learner("a").token()).json().get("id");
        String r2 = (String) register(api, event, fx.learner("b").token()).json().get("id");
        Api.Response cancelled = api.post("/api/v1/events/" + event + "/cancel", Map.of(), admin);
        assertEquals(200, cancelled.status(), cancelled.body());
        assertEquals("CANCELLED", cancelled.json().get("status"));
        assertEquals("EVENT_CANCELLED", status(r1));
        assertEquals("EVENT_CANCELLED", status(r2));
        assertEquals(0, db.value("SELECT seats_taken FROM events WHERE id = ?::uuid", event));
        Api.Response late = register(api, event, fx.learner("c").token());
        assertEquals(409, late.status());
    }

    @Test
    void organisersListRegistrationsPagedAndAsCsvWithFormulasNeutralised() {
        String admin = fx.admin();
        String event = published(api, webinar(NEXT_WEEK, 1), admin);
        String email = Api.uniqueEmail("formula");
        Map<String, Object> reg = Api.registration(email, "=HYPERLINK(\"http://evil\",\"x\")");
        String id = (String) api.post("/api/v1/auth/register", reg, null).json().get("id");
        String token = api.login(email, "correct horse battery");
        register(api, event, token);
        register(api, event, fx.learner("second").token());

        Api.Response page = api.get("/api/v1/events/" + event + "/registrations?size=1", admin);
        assertEquals(200, page.status(), page.body());
        assertEquals(2, ((Number) page.json().get("total")).intValue());
        @SuppressWarnings("unchecked")
        Map<String, Object> first = ((List<Map<String, Object>>) page.json().get("items")).get(0);
        assertEquals(id, first.get("userId"));
        assertEquals(email, first.get("email"));
        assertEquals(false, first.get("attended"));

        Api.Response csv = api.get("/api/v1/events/" + event + "/registrations", admin, "Accept", "text/csv");
        assertEquals(200, csv.status(), csv.body());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        String[] lines = csv.body().split("\r\n");
        assertEquals(3, lines.length, csv.body());
        assertTrue(lines[0].startsWith("registration_id,user_id,email,full_name,status"));
        assertTrue(lines[1].contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\""), lines[1]);
        assertTrue(lines[2].contains("WAITLISTED"), lines[2]);

        assertEquals(403, api.get("/api/v1/events/" + event + "/registrations", token).status());
        assertEquals(403, api.get("/api/v1/events/" + event + "/registrations", token, "Accept", "text/csv").status());
        Api.Response badStatus = api.get("/api/v1/events/" + event + "/registrations?status=MAYBE&size=0", admin);
        assertEquals(400, badStatus.status());
        assertEquals(List.of("status", "size"), Fixtures.errorFields(badStatus));

        Api.Response mine = api.get("/api/v1/me/event-registrations", token);
        assertEquals(1, ((Number) mine.json().get("total")).intValue());
    }
}
