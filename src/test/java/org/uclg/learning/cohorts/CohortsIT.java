package org.uclg.learning.cohorts;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.uclg.learning.support.Api;
import org.uclg.learning.support.IntegrationBase;
import org.uclg.learning.support.Fixtures;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uclg.learning.support.Fixtures.cohortBody;
import static org.uclg.learning.support.Fixtures.errorFields;

@MicronautTest(transactional = false)
class CohortsIT extends IntegrationBase {

    @Test
    void adminCreatesACohortWithSeatsAndTheModuleTitleAsDefaultTitle() {
        Api.Account trainer = fx.trainer("tot-lead");
        var created = api.post("/api/v1/cohorts",
                cohortBody("sdg-1", "TOT", 16, "APPLICATION", "AFRICA", List.of(trainer.id())), fx.admin());
        assertEquals(201, created.status(), created.body());
        Map<String, Object> c = created.json();
        assertEquals("SDG-1", c.get("moduleCode"));
        assertEquals("TOT", c.get("kind"));
        assertEquals("fr", c.get("language"));
        assertEquals(16, c.get("capacity"));
        assertEquals(0, c.get("seatsTaken"));
        assertEquals(16, c.get("seatsLeft"));
        assertEquals("APPLICATION", c.get("enrollmentPolicy"));
        assertEquals(List.of(trainer.id()), c.get("trainerIds"));
        assertFalse(((String) c.get("title")).isBlank());

        var row = fx.rows("SELECT module_code, kind, capacity, seats_taken, regional_section, title FROM cohorts WHERE id = ?::uuid", c.get("id")).get(0);
        assertEquals("SDG-1", row.get("module_code"));
        assertEquals(16, row.get("capacity"));
        assertEquals(0, row.get("seats_taken"));
        assertEquals("AFRICA", row.get("regional_section"));
        assertEquals(c.get("title"), row.get("title"));
        assertEquals(trainer.id(), fx.scalar("SELECT trainer_id::text FROM cohort_trainers WHERE cohort_id = ?::uuid", c.get("id")));

        var read = api.get("/api/v1/cohorts/" + c.get("id"), null);
        assertEquals(200, read.status());
        assertEquals(c.get("id"), read.json().get("id"));
    }

    @Test
    void anUnlimitedCohortHasNoSeatsLeftFigure() {
        var c = fx.createCohort(cohortBody("RES-1", "SELF_PACED", null, "OPEN", "WORLD", List.of()), fx.admin());
        assertNull(c.get("capacity"));
        assertNull(c.get("seatsLeft"));
        assertEquals(0, c.get("seatsTaken"));
    }

    @Test
    void coordinatorsCreateCohortsOnlyInTheirRegionalSectionAndLearnersNotAtAll() {
        Api.Account coordinator = fx.coordinator("coord-aspac", "ASPAC");
        var own = api.post("/api/v1/cohorts", cohortBody("RES-1", "SELF_PACED", null, "OPEN", "ASPAC", List.of()), coordinator.token());
        assertEquals(201, own.status(), own.body());
        var other = api.post("/api/v1/cohorts", cohortBody("RES-1", "SELF_PACED", null, "OPEN", "LATAM", List.of()), coordinator.token());
        assertEquals(403, other.status());
        assertEquals("application/problem+json", other.contentType());

        Api.Account learner = fx.learner("no-cohorts");
        var byLearner = api.post("/api/v1/cohorts", cohortBody("RES-1", "SELF_PACED", null, "OPEN", "AFRICA", List.of()), learner.token());
        assertEquals(403, byLearner.status());
        var anonymous = api.post("/api/v1/cohorts", cohortBody("RES-1", "SELF_PACED", null, "OPEN", "AFRICA", List.of()), null);
        assertEquals(401, anonymous.status());
        assertEquals(0L, fx.scalar("SELECT count(*) FROM cohorts WHERE regional_section = 'LATAM' AND created_by = ?::uuid", coordinator.id()));
    }

    /** One wrong value of an otherwise good cohort, and the field the 400 names. */
    record BadValue(String field, Object value, String named) {
        @Override
        public String toString() {
            return field + " = " + value;
        }
    }

    static Stream<BadValue> badCohorts() {
        return Stream.of(
                new BadValue("moduleCode", "SDG-9", "moduleCode"),
                new BadValue("kind", "MOOC", "kind"),
                new BadValue("language", "de", "language"),
                new BadValue("capacity", 0, "capacity"),
                new BadValue("trainerIds", List.of("00000000-0000-0000-0000-000000000001"), "trainerIds[0]"),
                new BadValue("startsOn", "next monday", "startsOn"),
                new BadValue("startsOn", LocalDate.now().plusDays(90).toString(), "endsOn"),
                new BadValue("endsOn", "2030-02-30", "endsOn"),
                new BadValue("enrollmentPolicy", "FIRST_COME", "enrollmentPolicy"),
                new BadValue("regionalSection", "MARS", "regionalSection"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCohorts")
    void badInputIsA400ProblemNamingTheField(BadValue bad) {
        Map<String, Object> body = cohortBody("SDG-1", "SELF_PACED", null, "OPEN", "AFRICA", List.of());
        String title = "refused " + java.util.UUID.randomUUID();
        body.put("title", title);
        body.put(bad.field(), bad.value());
        var r = api.post("/api/v1/cohorts", body, fx.admin());
        assertEquals(400, r.status(), r.body());
        assertEquals("application/problem+json", r.contentType());
        assertEquals(List.of(bad.named()), errorFields(r));
        assertEquals(0L, fx.scalar("SELECT count(*) FROM cohorts WHERE title = ?", title));
    }

    @Test
    void aBadIdIs400AndAnUnknownOne404() {
        var badId = api.get("/api/v1/cohorts/not-a-uuid", null);
        assertEquals(400, badId.status());
        assertEquals("application/problem+json", badId.contentType());
        var missing = api.get("/api/v1/cohorts/00000000-0000-0000-0000-000000000000", null);
        assertEquals(404, missing.status());
    }

    @Test
    void listsFilterByModuleSectionLanguageAndKindWithPaging() {
        Api.Account trainer = fx.certifiedTrainer("lister", "RES-2");
        for (String lang : List.of("en", "es", "fr")) {
            Map<String, Object> body = cohortBody("RES-2", "FACILITATED", 35, "APPLICATION", "MEWA", List.of(trainer.id()));
            body.put("language", lang);
            fx.createCohort(body, fx.admin());
        }
        fx.createCohort(cohortBody("RES-1", "SELF_PACED", null, "OPEN", "MEWA", List.of(trainer.id())), fx.admin());

        var mine = api.get("/api/v1/cohorts?mine=true&size=2", trainer.token());
        assertEquals(200, mine.status(), mine.body());
        assertEquals(4, ((Number) mine.json().get("total")).intValue());
        assertEquals(2, ((List<?>) mine.json().get("items")).size());
        assertEquals(2, mine.json().get("size"));
        var page2 = api.get("/api/v1/cohorts?mine=true&size=2&page=1", trainer.token());
        assertEquals(2, ((List<?>) page2.json().get("items")).size());

        var spanish = api.get("/api/v1/cohorts?mine=true&module=res-2&language=es&kind=FACILITATED&regionalSection=MEWA", trainer.token());
        assertEquals(1, ((Number) spanish.json().get("total")).intValue());
        @SuppressWarnings("unchecked")
        Map<String, Object> item = ((List<Map<String, Object>>) spanish.json().get("items")).get(0);
        assertEquals("es", item.get("language"));
        assertEquals("RES-2", item.get("moduleCode"));

        var publicList = api.get("/api/v1/cohorts?module=RES-2&regionalSection=MEWA&language=es", null);
        assertEquals(200, publicList.status());
        assertTrue(((Number) publicList.json().get("total")).intValue() >= 1);

        var bad = api.get("/api/v1/cohorts?kind=LECTURE&size=501&language=de", null);
        assertEquals(400, bad.status());
        assertEquals(List.of("kind", "language", "size"), errorFields(bad).stream().sorted().toList());
    }

    @Test
    void endedCohortsAreHiddenFromThePublicButNotFromTheirManagers() {
        Api.Account trainer = fx.trainer("past");
        Map<String, Object> body = cohortBody("SDG-3", "SELF_PACED", null, "OPEN", "NORAM", List.of(trainer.id()));
        body.put("startsOn", LocalDate.now().minusDays(60).toString());
        body.put("endsOn", LocalDate.now().minusDays(30).toString());
        String id = (String) fx.createCohort(body, fx.admin()).get("id");

        assertEquals(404, api.get("/api/v1/cohorts/" + id, null).status());
        assertEquals(404, api.get("/api/v1/cohorts/" + id, fx.learner("outsider").token()).status());
        assertEquals(200, api.get("/api/v1/cohorts/" + id, trainer.token()).status());
        assertEquals(200, api.get("/api/v1/cohorts/" + id, fx.coordinator("noram", "NORAM").token()).status());

        var anonymousList = api.get("/api/v1/cohorts?module=SDG-3&regionalSection=NORAM&size=200", null);
        assertFalse(anonymousList.body().contains(id));
        var trainerList = api.get("/api/v1/cohorts?module=SDG-3&regionalSection=NORAM&size=200", trainer.token());
        assertTrue(trainerList.body().contains(id));
        var adminList = api.get("/api/v1/cohorts?module=SDG-3&regionalSection=NORAM&size=200", fx.admin());
        assertTrue(adminList.body().contains(id));
    }

    @Test
    void coordinatorsEditTheirCohortsButNotOthersAndModuleAndKindStayFixed() {
        Api.Account coordinator = fx.coordinator("editor", "EURASIA");
        Map<String, Object> body = cohortBody("SDG-2", "SELF_PACED", 10, "OPEN", "EURASIA", List.of());
        String id = (String) fx.createCohort(body, coordinator.token()).get("id");

        body.put("title", "Territorial planning — Almaty 2026");
        body.put("capacity", 12);
        body.put("language", "en");
        var edited = api.put("/api/v1/cohorts/" + id, body, coordinator.token());
        assertEquals(200, edited.status(), edited.body());
        assertEquals("Territorial planning — Almaty 2026", edited.json().get("title"));
        assertEquals(12, edited.json().get("capacity"));
        assertEquals("Territorial planning — Almaty 2026", fx.scalar("SELECT title FROM cohorts WHERE id = ?::uuid", id));

        body.put("kind", "TOT");
        var kindChange = api.put("/api/v1/cohorts/" + id, body, coordinator.token());
        assertEquals(409, kindChange.status());
        assertEquals(List.of("kind"), errorFields(kindChange));
        body.put("kind", "SELF_PACED");

        body.put("regionalSection", "EUROPE");
        var move = api.put("/api/v1/cohorts/" + id, body, coordinator.token());
        assertEquals(403, move.status());
        body.put("regionalSection", "EURASIA");

        Api.Account otherCoordinator = fx.coordinator("other", "LATAM");
        assertEquals(403, api.put("/api/v1/cohorts/" + id, body, otherCoordinator.token()).status());
        Api.Account learner = fx.learner("not-editor");
        assertEquals(403, api.put("/api/v1/cohorts/" + id, body, learner.token()).status());
        assertEquals("en", fx.scalar("SELECT language FROM cohorts WHERE id = ?::uuid", id));
    }
}
