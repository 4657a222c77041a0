package org.uclg.learning.events;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.uclg.learning.support.Api;
import org.uclg.learning.support.Fixtures;
import org.uclg.learning.support.IntegrationBase;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uclg.learning.events.EventBodies.published;
import static org.uclg.learning.events.EventBodies.register;
import static org.uclg.learning.events.EventBodies.webinar;
import static org.uclg.learning.events.EventBodies.with;

/** Attendance by hand, by CSV and by check-in code; live sessions completing progress; corrections. */
@MicronautTest(transactional = false)
@SuppressWarnings("unchecked")
class EventAttendanceIT extends IntegrationBase {
    /** An event that started ten minutes ago and runs for another 80. */
    private static Map<String, Object> running() {
        return webinar(Instant.now().minus(10, ChronoUnit.MINUTES), null);
    }

    private long standing(String event, String userId) {
        return (Long) db.value("SELECT count(*) FROM event_attendance WHERE event_id = ?::uuid AND user_id = ?::uuid AND removed_at IS NULL",
                event, userId);
    }

    private String checkInCode(String event, String token) {
        return (String) api.get("/api/v1/events/" + event, token).json().get("checkInCode");
    }

    @Test
    void organisersMarkOneOrManyAndAgainIsAlreadyRecorded() {
        String coordinator = fx.coordinator("att", "AFRICA").token();
        String event = published(api, running(), coordinator);
        Api.Account a = fx.learner("a");
        Api.Account b = fx.learner("b");
        Api.Response one = api.post("/api/v1/events/" + event + "/attendance", Map.of("userId", a.id()), coordinator);
        assertEquals(200, one.status(), one.body());
        assertEquals(1, one.json().get("recorded"));
        Api.Response many = api.post("/api/v1/events/" + event + "/attendance", Map.of("userIds", List.of(a.id(), b.id())), coordinator);
        assertEquals(200, many.status(), many.body());
        assertEquals(1, many.json().get("recorded"));
        assertEquals(1, many.json().get("alreadyRecorded"));
        assertEquals(1L, standing(event, a.id()));
        assertEquals("MANUAL", db.value("SELECT source FROM event_attendance WHERE event_id = ?::uuid AND user_id = ?::uuid", event, b.id()));

        // a learner may not record attendance; an unknown id names its field; nothing is written
        assertEquals(403, api.post("/api/v1/events/" + event + "/attendance", Map.of("userId", b.id()), a.token()).status());
        Api.Response unknown = api.post("/api/v1/events/" + event + "/attendance",
                Map.of("userIds", List.of(fx.learner("c").id(), "00000000-0000-0000-0000-000000000001")), coordinator);
        assertEquals(400, unknown.status(), unknown.body());
        assertEquals(List.of("userIds[1]"), Fixtures.errorFields(unknown));
        assertEquals(2L, db.value("SELECT count(*) FROM event_attendance WHERE event_id = ?::uuid", event));
        Api.Response wrongType = api.post("/api/v1/events/" + event + "/attendance", Map.of("userId", "not-a-uuid"), coordinator);
        assertEquals(400, wrongType.status(), wrongType.body());
        assertEquals(List.of("userId"), Fixtures.errorFields(wrongType));
    }

    @Test
    void aCorrectionRemovesTheRecordAndKeepsWhoAndWhen() {
        String admin = fx.admin();
        String event = published(api, running(), admin);
        Api.Account a = fx.learner("fix");
        api.post("/api/v1/events/" + event + "/attendance", Map.of("userId", a.id()), admin);
        Api.Response removed = api.delete("/api/v1/events/" + event + "/attendance/" + a.id(), admin);
        assertEquals(200, removed.status(), removed.body());
        assertEquals(fx.adminId(), removed.json().get("removedBy"));
        assertNotNull(removed.json().get("removedAt"));
        assertEquals(0L, standing(event, a.id()));
        assertEquals(404, api.delete("/api/v1/events/" + event + "/attendance/" + a.id(), admin).status());
        Api.Response list = api.get("/api/v1/events/" + event + "/attendance?removed=true", admin);
        assertEquals(1, ((Number) list.json().get("total")).intValue());
        assertEquals(0, ((Number) api.get("/api/v1/events/" + event + "/attendance", admin).json().get("total")).intValue());
        // recorded again later: a new row, the removed one stays
        api.post("/api/v1/events/" + event + "/attendance", Map.of("userId", a.id()), admin);
        assertEquals(2L, db.value("SELECT count(*) FROM event_attendance WHERE event_id = ?::uuid AND user_id = ?::uuid", event, a.id()));
    }

    @Test
    void csvImportMatchesByEmailOnlyAndADryRunWritesNothing() {
        String admin = fx.admin();
        String event = published(api, running(), admin);
        Api.Account a = fx.learner("csva");
        Api.Account b = fx.learner("csvb");
        String csv = "Nom complet;Courriel\r\n"
                + "Someone Else;" + a.email().toUpperCase() + "\r\n"
                + "\r\n"
                + b.id() + ";" + b.email() + "\r\n";
        Api.Response dry = api.postRaw("/api/v1/events/" + event + "/attendance/import?dryRun=true", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8), admin);
        assertEquals(200, dry.status(), dry.body());
        assertEquals(true, dry.json().get("dryRun"));
        assertEquals(false, dry.json().get("written"));
        assertEquals(2, dry.json().get("recorded"));
        List<Map<String, Object>> rows = (List<Map<String, Object>>) dry.json().get("results");
        assertEquals(2, rows.get(0).get("row"));
        assertEquals(4, rows.get(1).get("row"));
        assertEquals(a.id(), rows.get(0).get("userId"));
        assertEquals(0L, db.value("SELECT count(*) FROM event_attendance WHERE event_id = ?::uuid", event));

        // a name is never used to match: an unknown email is an error even when the name exists
        String withUnknown = csv + "Learner csva;nobody-" + a.email() + "\r\n";
        Api.Response rejected = api.postRaw("/api/v1/events/" + event + "/attendance/import", "text/csv",
                withUnknown.getBytes(StandardCharsets.UTF_8), admin);
        assertEquals(422, rejected.status(), rejected.body());
        assertEquals(List.of("rows[5].email"), Fixtures.errorFields(rejected));
        assertEquals(0L, db.value("SELECT count(*) FROM event_attendance WHERE event_id = ?::uuid", event));

        Api.Response partial = api.postRaw("/api/v1/events/" + event + "/attendance/import?partial=true", "text/csv",
                withUnknown.getBytes(StandardCharsets.UTF_8), admin);
        assertEquals(200, partial.status(), partial.body());
        assertEquals(2, partial.json().get("recorded"));
        assertEquals(1, partial.json().get("errors"));
        assertEquals("CSV", db.value("SELECT source FROM event_attendance WHERE event_id = ?::uuid AND user_id = ?::uuid", event, a.id()));

        Api.Response noEmail = api.postRaw("/api/v1/events/" + event + "/attendance/import", "text/csv",
                "name\nAwa\n".getBytes(StandardCharsets.UTF_8), admin);
        assertEquals(400, noEmail.status());
        assertEquals(List.of("body"), Fixtures.errorFields(noEmail));
        Api.Response latin1 = api.postRaw("/api/v1/events/" + event + "/attendance/import", "text/csv",
                new byte[]{'e', 'm', 'a', 'i', 'l', '\n', (byte) 0xE9, 0, '\n'}, admin);
        assertEquals(400, latin1.status());
    }

    @Test
    void aRegistrantChecksInWithTheCodeOnlyInsideTheWindow() {
        String admin = fx.admin();
        String now = published(api, running(), admin);
        String later = published(api, webinar(Instant.now().plus(3, ChronoUnit.DAYS), null), admin);
        Api.Account learner = fx.learner("checkin");
        register(api, now, learner.token());
        register(api, later, learner.token());
        String code = checkInCode(now, admin);
        assertTrue(code.matches("[2-9A-HJ-NP-Z]{6}"), code);
        assertEquals(null, api.get("/api/v1/events/" + now, learner.token()).json().get("checkInCode"), "only organisers see the code");

        Api.Response wrong = api.post("/api/v1/events/" + now + "/check-in", Map.of("code", "ZZZZZZ".equals(code) ? "YYYYYY" : "ZZZZZZ"), learner.token());
        assertEquals(400, wrong.status());
        assertEquals(List.of("code"), Fixtures.errorFields(wrong));
        Api.Response ok = api.post("/api/v1/events/" + now + "/check-in", Map.of("code", code.toLowerCase().substring(0, 3) + "-" + code.substring(3)), learner.token());
        assertEquals(200, ok.status(), ok.body());
        assertEquals("RECORDED", ok.json().get("outcome"));
        assertEquals("CHECK_IN", db.value("SELECT source FROM event_attendance WHERE event_id = ?::uuid AND user_id = ?::uuid", now, learner.id()));
        assertEquals("ALREADY_RECORDED", api.post("/api/v1/events/" + now + "/check-in", Map.of("code", code), learner.token()).json().get("outcome"));

        Api.Response early = api.post("/api/v1/events/" + later + "/check-in", Map.of("code", checkInCode(later, admin)), learner.token());
        assertEquals(409, early.status(), early.body());
        assertTrue(early.json().get("type").toString().endsWith("check-in-closed"));
        assertEquals(0L, standing(later, learner.id()));

        Api.Account unregistered = fx.learner("walkin");
        Api.Response notRegistered = api.post("/api/v1/events/" + now + "/check-in", Map.of("code", code), unregistered.token());
        assertEquals(409, notRegistered.status());
        Api.Response nul = api.post("/api/v1/events/" + now + "/check-in", "{\"code\": \"AB\\u0000CD\"}", learner.token());
        assertEquals(400, nul.status(), nul.body());
    }

    @Test
    void attendingTheLastLiveSessionCompletesTheSectionAndTheEnrollment() {
        Api.Account trainer = fx.certifiedTrainer("live", "RES-1");
        String cohort = (String) fx.createCohort(Fixtures.cohortBody("RES-1", "FACILITATED", null, "OPEN", "AFRICA",
                List.of(trainer.id())), fx.admin()).get("id");
        Api.Account learner = fx.learner("livelearner");
        String enrollment = (String) fx.enroll(cohort, learner.token()).get("id");
        Map<String, String> sections = new LinkedHashMap<>();
        for (Map<String, Object> s : (List<Map<String, Object>>) api.get("/api/v1/modules/RES-1", null).json().get("sections")) {
            sections.put((String) s.get("key"), (String) s.get("kind"));
        }
        String live = sections.entrySet().stream().filter(e -> e.getValue().equals("LIVE_SESSION")).findFirst().orElseThrow().getKey();
        String notLive = sections.keySet().stream().filter(k -> !k.equals(live)).findFirst().orElseThrow();
        for (var e : sections.entrySet()) {
            if (!e.getKey().equals(live)) {
                Map<String, Object> body = new LinkedHashMap<>(Map.of("status", "COMPLETED"));
                if (e.getValue().endsWith("ASSESSMENT")) {
                    body.put("score", 90);
                }
                assertEquals(200, api.put("/api/v1/enrollments/" + enrollment + "/sections/" + e.getKey(), body, learner.token()).status());
            }
        }
        assertEquals("ENROLLED", fx.status(enrollment));

        Map<String, Object> session = with(running(), "kind", "LIVE_SESSION", "cohortId", cohort, "sectionKey", notLive);
        Api.Response notALiveSection = api.post("/api/v1/events", session, trainer.token());
        assertEquals(400, notALiveSection.status());
        assertEquals(List.of("sectionKey"), Fixtures.errorFields(notALiveSection));
        String event = published(api, with(session, "sectionKey", live), trainer.token());
        register(api, event, learner.token());
        Api.Response checkedIn = api.post("/api/v1/events/" + event + "/check-in", Map.of("code", checkInCode(event, trainer.token())), learner.token());
        assertEquals(200, checkedIn.status(), checkedIn.body());
        assertEquals(true, checkedIn.json().get("sectionCompleted"));
        assertEquals("COMPLETED", checkedIn.json().get("enrollmentStatus"));
        assertEquals("COMPLETED", fx.status(enrollment));
        assertEquals(learner.id(), db.value("SELECT recorded_by::text FROM section_progress p JOIN sections s ON s.id = p.section_id "
                + "WHERE p.enrollment_id = ?::uuid AND s.key = ?", enrollment, live));
    }
}
