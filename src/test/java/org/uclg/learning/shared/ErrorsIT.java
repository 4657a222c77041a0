package org.uclg.learning.shared;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.uclg.learning.support.Api;
import org.uclg.learning.support.IntegrationBase;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Junk in never yields a 500: every rejection is problem+json and names the field where there is one. */
@MicronautTest(transactional = false)
class ErrorsIT extends IntegrationBase {

    private static List<String> fields(Api.Response r) {
        Object errors = r.json().get("errors");
        return errors == null ? List.of() : ((List<Map<String, Object>>) errors).stream().map(e -> (String) e.get("field")).toList();
    }

    private static void assertProblem(Api.Response r, int status) {
        assertEquals(status, r.status(), r.body());
        assertEquals("application/problem+json", r.contentType(), r.body());
        Map<String, Object> body = r.json();
        assertEquals(status, body.get("status"));
        assertTrue(((String) body.get("type")).startsWith("https://learning.uclg.org/problems/"), r.body());
        assertTrue(body.containsKey("title") && body.containsKey("detail"), r.body());
    }

    @Test
    void malformedJsonIs400() {
        var r = api.post("/api/v1/auth/register", "{\"email\": \"a@b.org\", \"country\": 5", null);
        assertProblem(r, 400);
        assertEquals("the body is not valid JSON", r.json().get("detail"));
        assertEquals(List.of(), fields(r));
    }

    @Test
    void missingFieldsAreEachNamed() {
        var r = api.post("/api/v1/auth/register", "{}", null);
        assertProblem(r, 400);
        assertTrue(fields(r).containsAll(List.of("email", "password", "fullName", "preferredLanguage", "country",
                "regionalSection", "organization", "organizationType")), fields(r).toString());
    }

    @Test
    void unknownCountryLanguageAndBadEmailAreNamed() {
        Map<String, Object> body = new LinkedHashMap<>(Api.registration("not-an-email", "Someone"));
        body.put("country", "XX");
        body.put("preferredLanguage", "de");
        var r = api.post("/api/v1/auth/register", body, null);
        assertProblem(r, 400);
        assertEquals(List.of("country", "email", "preferredLanguage"), fields(r));
    }

    @Test
    void unknownEnumValueIsNamed() {
        Map<String, Object> body = new LinkedHashMap<>(Api.registration(Api.uniqueEmail("enum"), "Someone"));
        body.put("regionalSection", "MARS");
        var r = api.post("/api/v1/auth/register", body, null);
        assertProblem(r, 400);
        assertEquals(List.of("regionalSection"), fields(r), r.body());
        assertTrue(((String) r.json().get("detail")).contains("MARS"), r.body());
    }

    @Test
    void wrongTypesAre400() {
        Map<String, Object> body = new LinkedHashMap<>(Api.registration(Api.uniqueEmail("types"), "Someone"));
        body.put("fullName", Map.of("first", "A"));
        body.put("country", List.of("SN"));
        assertProblem(api.post("/api/v1/auth/register", body, null), 400);
        assertProblem(api.post("/api/v1/auth/register", "[1, 2, 3]", null), 400);
        assertProblem(api.post("/api/v1/auth/login", "\"just a string\"", null), 400);
    }

    @Test
    void tenMegabyteBodyIs413() {
        byte[] big = ("{\"email\":\"" + "a".repeat(10 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        var r = api.postRaw("/api/v1/auth/register", "application/json", big, null);
        assertEquals(413, r.status());
    }

    @Test
    void wrongMediaTypeUnknownRouteAndBadIdAre4xx() {
        assertProblem(api.postRaw("/api/v1/auth/register", "text/plain", "hello".getBytes(StandardCharsets.UTF_8), null), 415);
        assertProblem(api.get("/api/v1/no-such-thing", null), 404);
        String admin = api.adminToken();
        var badId = api.post("/api/v1/users/not-a-uuid/roles", Map.of("role", "TRAINER"), admin);
        assertProblem(badId, 400);
        var badRole = api.post("/api/v1/users/00000000-0000-0000-0000-000000000000/roles", Map.of("role", "KING"), admin);
        assertProblem(badRole, 400);
    }

    @Test
    void badTokenIs401() {
        var r = api.get("/api/v1/me", "not.a.jwt");
        assertEquals(401, r.status());
    }
}
