package org.uclg.learning.shared;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.uclg.learning.support.Api;
import org.uclg.learning.support.Fixtures;
import org.uclg.learning.support.IntegrationBase;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Values an attacker or a careless client sends: each is a 400 naming the field, fast, bounded, and stores nothing. */
@MicronautTest(transactional = false)
class HostileValuesIT extends IntegrationBase {

    private static void assertRefused(Api.Response r, String field) {
        assertEquals(400, r.status(), r.body());
        assertEquals("application/problem+json", r.contentType(), r.body());
        assertTrue(Fixtures.errorFields(r).contains(field), field + " not named in " + r.body());
    }

    private long users(String email) {
        return ((Number) db.value("SELECT count(*) FROM users WHERE email = ?", email)).longValue();
    }

    @Test
    void aHugeEnumValueIsRefusedQuicklyWithABoundedMessage() {
        for (String field : List.of("regionalSection", "organizationType")) {
            for (int size : new int[]{64 * 1024, 1024 * 1024}) {
                String email = Api.uniqueEmail("enum");
                Map<String, Object> body = new LinkedHashMap<>(Api.registration(email, "Someone"));
                body.put(field, "x".repeat(size));
                long started = System.nanoTime();
                Api.Response r = api.post("/api/v1/auth/register", body, null);
                long millis = (System.nanoTime() - started) / 1_000_000;
                assertRefused(r, field);
                assertTrue(((String) r.json().get("detail")).length() <= 301, r.body().length() + " characters of detail");
                assertTrue(r.body().length() < 2_000, "the answer echoes " + r.body().length() + " characters");
                // quadratic handling took minutes for 32 KB; linear handling takes milliseconds
                assertTrue(millis < 15_000, size + " characters took " + millis + " ms");
                assertEquals(0, users(email));
            }
        }
        Map<String, Object> cohort = Fixtures.cohortBody("SDG-1", "x".repeat(200_000), null, "OPEN", "AFRICA", List.of());
        assertRefused(api.post("/api/v1/cohorts", cohort, fx.admin()), "kind");
    }

    @Test
    void nulCharactersAre400NamingTheFieldWherever() {
        String admin = fx.admin();
        assertRefused(api.post("/api/v1/auth/login", Map.of("username", "a\u0000b@example.org", "password", "x"), null), "username");
        Map<String, Object> reg = new LinkedHashMap<>(Api.registration(Api.uniqueEmail("nul"), "Fa\u0000tou"));
        assertRefused(api.post("/api/v1/auth/register", reg, null), "fullName");
        assertEquals(0, users((String) reg.get("email")));
        assertRefused(api.get("/api/v1/modules/SDG%00", null), "code");
        assertRefused(api.get("/api/v1/cohorts?module=SDG-1%00", admin), "module");
        Map<String, Object> cohort = Fixtures.cohortBody("SDG-1\u0000", "TOT", null, "OPEN", "AFRICA", List.of());
        assertRefused(api.post("/api/v1/cohorts", cohort, admin), "moduleCode");
        Map<String, Object> event = new LinkedHashMap<>(Map.of("title", "T", "venue", Map.of("name", "a\u0000")));
        assertRefused(api.post("/api/v1/events", event, admin), "venue.name");
        Map<String, Object> list = Map.of("userIds", List.of("x", "\u0000"));
        assertRefused(api.post("/api/v1/events/00000000-0000-0000-0000-000000000000/attendance", list, admin), "userIds[1]");

        String cohortId = fx.openCohort(null);
        String email = Api.uniqueEmail("csvnul");
        byte[] csv = ("email,full name,country,organization,language\n" + email + ",Fa\u0000tou,SN,Ville,fr\n")
                .getBytes(StandardCharsets.UTF_8);
        Api.Response roster = api.postRaw("/api/v1/cohorts/" + cohortId + "/enrollments/import", "text/csv", csv, admin);
        assertEquals(400, roster.status(), roster.body());
        assertTrue(roster.body().contains("NUL") && roster.body().contains("row 2"), roster.body());
        assertEquals(0, users(email));
    }

    @Test
    void datesOutsideThePlausibleRangeAndNumbersAsDatesAre400() {
        String admin = fx.admin();
        String trainer = fx.trainer("dates").id();
        for (Object bad : new Object[]{2147483648L, 1, "+999999999-12-31", "-999999999-01-01", "1999-12-31", "2100-01-01", "2026-02-30"}) {
            Api.Response r = api.post("/api/v1/trainers/" + trainer + "/certifications",
                    Map.of("moduleCode", "SDG-1", "certifiedOn", bad), admin);
            assertRefused(r, "certifiedOn");
        }
        assertEquals(0L, ((Number) db.value("SELECT count(*) FROM trainer_certifications WHERE trainer_id = ?::uuid", trainer)).longValue());
        for (String bad : List.of("0000-01-01", "+999999999-12-31", "2026-13-01")) {
            Map<String, Object> cohort = new LinkedHashMap<>(Fixtures.cohortBody("SDG-1", "TOT", null, "OPEN", "AFRICA", List.of()));
            cohort.put("startsOn", bad);
            assertRefused(api.post("/api/v1/cohorts", cohort, admin), "startsOn");
        }
        assertRefused(api.get("/api/v1/reports/reach?from=%2B999999999-12-31", admin), "from");
        assertRefused(api.get("/api/v1/reports/funnel?module=SDG-1&to=0000-01-01", admin), "to");
        assertRefused(api.get("/api/v1/events?from=-999999999-01-01", admin), "from");
        assertRefused(api.get("/api/v1/xapi/statements?since=%2B999999999-12-31T00:00:00Z", admin), "since");
    }

    @Test
    void numbersAreNeverTruncatedAndUnknownPropertiesAndTrailingDataAre400() {
        String admin = fx.admin();
        for (Object bad : new Object[]{1.5, 100000.9, true, "10", 1e10}) {
            Map<String, Object> cohort = new LinkedHashMap<>(Fixtures.cohortBody("SDG-1", "TOT", null, "OPEN", "AFRICA", List.of()));
            cohort.put("capacity", bad);
            assertRefused(api.post("/api/v1/cohorts", cohort, admin), "capacity");
        }
        String cohortId = fx.openCohort(null);
        for (Object bad : new Object[]{70.9, "70", false}) {
            assertRefused(api.put("/api/v1/cohorts/" + cohortId + "/completion-rule",
                    Map.of("passMark", bad, "minLiveShare", 0), admin), "passMark");
        }
        Api.Account learner = fx.learner("numbers");
        String enrollment = (String) fx.enroll(cohortId, learner.token()).get("id");
        Api.Response score = api.put("/api/v1/enrollments/" + enrollment + "/sections/pre-assessment",
                Map.of("status", "COMPLETED", "score", 99.9), learner.token());
        assertRefused(score, "score");
        assertEquals(0L, ((Number) db.value("SELECT count(*) FROM section_progress WHERE enrollment_id = ?::uuid", enrollment)).longValue());

        Api.Account trainer = fx.trainer("unknown-prop");
        String other = fx.openCohort(null);
        Api.Response unknown = api.post("/api/v1/cohorts/" + other + "/enrollments", Map.of("learner_id", learner.id()), trainer.token());
        assertRefused(unknown, "learner_id");
        assertEquals(0L, ((Number) db.value("SELECT count(*) FROM enrollments WHERE cohort_id = ?::uuid", other)).longValue());

        String email = Api.uniqueEmail("trailing");
        String json = toJson(Api.registration(email, "Trailing"));
        assertRefused(api.postRaw("/api/v1/auth/register", "application/json", (json + " {\"more\":1}").getBytes(StandardCharsets.UTF_8), null), "body");
        assertRefused(api.postRaw("/api/v1/auth/register", "application/json", (json + " trailing").getBytes(StandardCharsets.UTF_8), null), "body");
        assertEquals(0, users(email));
        assertEquals(201, api.postRaw("/api/v1/auth/register", "application/json", (json + " \n").getBytes(StandardCharsets.UTF_8), null).status());
    }

    @Test
    void aNameThatGrowsUnderNormalisationIs400NotEmailTaken() {
        // U+0958 is one character that Unicode normalisation (NFC) turns into two
        String name = "\u0958".repeat(200);
        String email = Api.uniqueEmail("grows");
        Api.Response r = api.post("/api/v1/auth/register", Api.registration(email, name), null);
        assertRefused(r, "fullName");
        assertEquals(0, users(email));

        String cohortId = fx.openCohort(null);
        String rowEmail = Api.uniqueEmail("grows-csv");
        byte[] csv = ("email,full name,country,organization,language\n" + rowEmail + "," + name + ",SN,Ville,fr\n")
                .getBytes(StandardCharsets.UTF_8);
        Api.Response roster = api.postRaw("/api/v1/cohorts/" + cohortId + "/enrollments/import?partial=true", "text/csv", csv, fx.admin());
        assertTrue(roster.body().contains("fullName") && !roster.body().contains("email-taken"), roster.body());
        assertEquals(0, users(rowEmail));
    }

    @Test
    void aTooLongPathIs414AndTooLargeHeadersAre431() {
        Api.Response path = api.get("/api/v1/modules?q=" + "a".repeat(10_000), null);
        assertEquals(414, path.status(), path.body());
        assertEquals("application/problem+json", path.contentType());
        Api.Response headers = api.get("/api/v1/modules", null, "X-Padding", "b".repeat(20_000));
        assertEquals(431, headers.status(), headers.body());
        byte[] big = ("{\"email\":\"" + "a".repeat(3 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertEquals(413, api.postRaw("/api/v1/auth/register", "application/json", big, null).status());
    }

    private static String toJson(Map<String, Object> body) {
        StringBuilder s = new StringBuilder("{");
        body.forEach((k, v) -> s.append(s.length() > 1 ? "," : "").append('"').append(k).append("\":\"").append(v).append('"'));
        return s.append('}').toString();
    }
}
