package org.uclg.learning.people;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.uclg.learning.support.Api;
import org.uclg.learning.support.IntegrationBase;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class AccountsIT extends IntegrationBase {

    @Test
    void registersLogsInAndShowsTheCallerWithNormalisedEmailAndHashedPassword() {
        String email = Api.uniqueEmail("Amina.Diallo");
        var registered = api.post("/api/v1/auth/register", Api.registration(email.toUpperCase(), "  Amina   Diallo "), null);
        assertEquals(201, registered.status(), registered.body());
        Map<String, Object> user = registered.json();
        assertEquals(email.toLowerCase(), user.get("email"));
        assertEquals("Amina Diallo", user.get("fullName"));
        assertEquals(List.of("LEARNER"), user.get("roles"));
        assertEquals("AFRICA", user.get("regionalSection"));

        String token = api.login(email, "correct horse battery");
        var me = api.get("/api/v1/me", token);
        assertEquals(200, me.status(), me.body());
        assertEquals(user.get("id"), me.json().get("id"));
        assertEquals("SN", me.json().get("country"));
        assertEquals("LOCAL_GOVERNMENT", me.json().get("organizationType"));

        var stored = db.rows("SELECT email, password_hash FROM users WHERE id = ?::uuid", user.get("id")).get(0);
        assertEquals(email.toLowerCase(), stored.get("email"));
        assertTrue(((String) stored.get("password_hash")).startsWith("$argon2id$"), (String) stored.get("password_hash"));
    }

    @Test
    void keepsNamesInEveryScript() {
        for (String name : List.of("محمد بن راشد", "李小龙", "Łukasz Żółć", "Ελένη Παπαδοπούλου", "Мария Иванова", "Nguyễn Thị Minh Khai")) {
            String email = Api.uniqueEmail("script");
            api.registerLearner(email, name);
            var me = api.get("/api/v1/me", api.login(email, "correct horse battery"));
            assertEquals(name, me.json().get("fullName"));
        }
    }

    @Test
    void rejectsASecondAccountWithTheSameEmailInAnyCase() {
        String email = Api.uniqueEmail("dup");
        api.registerLearner(email, "First");
        var again = api.post("/api/v1/auth/register", Api.registration(email.toUpperCase(), "Second"), null);
        assertEquals(409, again.status());
        assertEquals("application/problem+json", again.contentType());
        assertEquals("email", ((Map<?, ?>) ((List<?>) again.json().get("errors")).get(0)).get("field"));
    }

    @Test
    void anonymousIs401AndALearnerCannotGrantRoles() {
        var anonymous = api.get("/api/v1/me", null);
        assertEquals(401, anonymous.status());

        Api.Account learner = api.newLearner("plain");
        var forbidden = api.post("/api/v1/users/" + learner.id() + "/roles", Map.of("role", "ADMIN"), learner.token());
        assertEquals(403, forbidden.status());
        var me = api.get("/api/v1/me", learner.token());
        assertEquals(List.of("LEARNER"), me.json().get("roles"));
    }

    @Test
    void adminGrantsScopedCoordinatorAndTrainerRoles() {
        Api.Account learner = api.newLearner("coord");
        String admin = api.adminToken();

        var unscoped = api.post("/api/v1/users/" + learner.id() + "/roles", Map.of("role", "SECTION_COORDINATOR"), admin);
        assertEquals(400, unscoped.status());
        assertEquals("regionalSection", ((Map<?, ?>) ((List<?>) unscoped.json().get("errors")).get(0)).get("field"));

        var granted = api.post("/api/v1/users/" + learner.id() + "/roles",
                Map.of("role", "SECTION_COORDINATOR", "regionalSection", "ASPAC"), admin);
        assertEquals(200, granted.status(), granted.body());
        api.post("/api/v1/users/" + learner.id() + "/roles", Map.of("role", "TRAINER"), admin);
        var again = api.post("/api/v1/users/" + learner.id() + "/roles", Map.of("role", "TRAINER"), admin);
        assertEquals(200, again.status());

        var me = api.get("/api/v1/me", api.login(learner.email(), "correct horse battery"));
        assertEquals(List.of("LEARNER", "TRAINER", "SECTION_COORDINATOR"), me.json().get("roles"));
        assertEquals(List.of("ASPAC"), me.json().get("coordinatedSections"));

        var missing = api.post("/api/v1/users/00000000-0000-0000-0000-000000000000/roles", Map.of("role", "TRAINER"), admin);
        assertEquals(404, missing.status());
    }

    @Test
    void listsTheTenRegionalSectionsInTheAskedLanguage() {
        var fr = api.get("/api/v1/regional-sections?lang=fr", null);
        assertEquals(200, fr.status());
        List<Map<String, Object>> sections = fr.jsonList();
        assertEquals(List.of("AFRICA", "ASPAC", "EURASIA", "EUROPE", "LATAM", "MEWA", "NORAM", "METROPOLIS", "REGIONS", "WORLD"),
                sections.stream().map(s -> s.get("code")).toList());
        assertEquals("CGLU Afrique", sections.get(0).get("name"));
        var es = api.get("/api/v1/regional-sections", null, "Accept-Language", "es-AR,es;q=0.9");
        assertEquals("CGLU África", es.jsonList().get(0).get("name"));
    }
}
