package org.uclg.learning.people;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.uclg.learning.support.Api;
import org.uclg.learning.support.IntegrationBase;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uclg.learning.support.Fixtures.cohortBody;
import static org.uclg.learning.support.Fixtures.errorFields;

/** Password change, and claiming an account that a roster import created. */
@MicronautTest(transactional = false)
class CredentialsIT extends IntegrationBase {
    private static final String PASSWORD = "correct horse battery";

    @Test
    void changingThePasswordEndsEveryOtherTokenAndAnswersWithANewOne() {
        Api.Account learner = fx.learner("changer");
        String otherSession = api.login(learner.email(), PASSWORD);
        String hashBefore = (String) db.value("SELECT password_hash FROM users WHERE id = ?::uuid", learner.id());

        var changed = api.post("/api/v1/me/password", Map.of("currentPassword", PASSWORD, "newPassword", "a new password 2030"),
                learner.token());
        assertEquals(200, changed.status(), changed.body());
        String newToken = (String) changed.json().get("access_token");
        assertNotNull(newToken);

        assertEquals(401, api.get("/api/v1/me", learner.token()).status(), "the token that asked");
        assertEquals(401, api.get("/api/v1/me", otherSession).status(), "another session");
        assertEquals(200, api.get("/api/v1/me", newToken).status());
        assertEquals(401, api.post("/api/v1/auth/login", Map.of("username", learner.email(), "password", PASSWORD), null).status());
        assertNotNull(api.login(learner.email(), "a new password 2030"));

        var stored = db.rows("SELECT password_hash, token_version FROM users WHERE id = ?::uuid", learner.id()).get(0);
        assertNotEquals(hashBefore, stored.get("password_hash"));
        assertEquals(1, stored.get("token_version"));
    }

    @Test
    void aWrongCurrentPasswordOrAShortNewOneIs400NamingTheFieldAndChangesNothing() {
        Api.Account learner = fx.learner("wrongcurrent");
        var wrong = api.post("/api/v1/me/password", Map.of("currentPassword", "not my password", "newPassword", "a new password 2030"),
                learner.token());
        assertEquals(400, wrong.status(), wrong.body());
        assertEquals(List.of("currentPassword"), errorFields(wrong));
        var shortOne = api.post("/api/v1/me/password", Map.of("currentPassword", PASSWORD, "newPassword", "short"), learner.token());
        assertEquals(400, shortOne.status());
        assertEquals(List.of("newPassword"), errorFields(shortOne));
        assertEquals(401, api.post("/api/v1/me/password", Map.of("currentPassword", PASSWORD, "newPassword", "a new password 2030"),
                null).status());

        assertEquals(200, api.get("/api/v1/me", learner.token()).status(), "the token still works");
        assertEquals(0, db.value("SELECT token_version FROM users WHERE id = ?::uuid", learner.id()));
    }

    @Test
    void anImportedAccountIsClaimedOnceWithItsTokenAndRegistrationPointsToTheClaim() throws Exception {
        String email = Api.uniqueEmail("imported");
        String cohort = (String) fx.createCohort(cohortBody("SDG-1", "WORKSHOP", 10, "OPEN", "AFRICA", List.of()), fx.admin()).get("id");
        var report = api.postRaw("/api/v1/cohorts/" + cohort + "/enrollments/import", "text/csv",
                ("email,full name,country,organization,language\n" + email + ",Awa Diop,SN,Ville de Thiès,fr\n")
                        .getBytes(StandardCharsets.UTF_8), fx.admin());
        assertEquals(200, report.status(), report.body());
        @SuppressWarnings("unchecked")
        Map<String, Object> row = ((List<Map<String, Object>>) report.json().get("results")).get(0);
        String claimToken = (String) row.get("claimToken");
        assertNotNull(claimToken, report.body());
        Instant expires = OffsetDateTime.parse((String) row.get("claimExpiresAt")).toInstant();
        assertTrue(expires.isAfter(Instant.now().plusSeconds(13 * 24 * 3600)), "two weeks by default: " + expires);

        // only the hash is stored
        var stored = db.rows("SELECT t.token_hash, t.purpose, t.used_at, t.created_by::text AS by FROM account_tokens t "
                + "JOIN users u ON u.id = t.user_id WHERE u.email = ?", email);
        assertEquals(1, stored.size());
        assertEquals(sha256(claimToken), stored.get(0).get("token_hash"));
        assertEquals("CLAIM", stored.get(0).get("purpose"));
        assertEquals(fx.adminId(), stored.get(0).get("by"));
        assertEquals(0L, db.value("SELECT count(*) FROM account_tokens WHERE token_hash = ?", claimToken));

        // the owner can neither log in nor register: registration says how to claim
        assertEquals(401, api.post("/api/v1/auth/login", Map.of("username", email, "password", "whatever password"), null).status());
        var register = api.post("/api/v1/auth/register", Api.registration(email, "Awa Diop"), null);
        assertEquals(409, register.status(), register.body());
        assertEquals("https://learning.uclg.org/problems/account-unclaimed", register.json().get("type"));
        assertTrue(((String) register.json().get("detail")).contains("/api/v1/auth/claim"));
        assertEquals(List.of("email"), errorFields(register));

        var claimed = api.post("/api/v1/auth/claim", Map.of("token", claimToken, "password", "my own password 2030"), null);
        assertEquals(200, claimed.status(), claimed.body());
        var me = api.get("/api/v1/me", (String) claimed.json().get("access_token"));
        assertEquals(email, me.json().get("email"));
        assertEquals("Awa Diop", me.json().get("fullName"));
        assertNotNull(api.login(email, "my own password 2030"));
        assertNotNull(db.value("SELECT used_at FROM account_tokens WHERE token_hash = ?", sha256(claimToken)));
        assertTrue(((String) db.value("SELECT password_hash FROM users WHERE email = ?", email)).startsWith("$argon2id$"));

        var again = api.post("/api/v1/auth/claim", Map.of("token", claimToken, "password", "someone else 2030"), null);
        assertEquals(400, again.status(), "a token works once");
        assertEquals(List.of("token"), errorFields(again));
        assertNotNull(api.login(email, "my own password 2030"), "the second claim changed nothing");
        assertEquals(409, api.post("/api/v1/auth/register", Api.registration(email, "Awa Diop"), null).status());
    }

    @Test
    void expiredUnknownAndMalformedClaimsAre400AndChangeNothing() {
        String email = Api.uniqueEmail("expired");
        String cohort = (String) fx.createCohort(cohortBody("SDG-1", "WORKSHOP", 10, "OPEN", "AFRICA", List.of()), fx.admin()).get("id");
        var report = api.postRaw("/api/v1/cohorts/" + cohort + "/enrollments/import", "text/csv",
                ("email,full name,country,organization,language\n" + email + ",Late Comer,SN,,fr\n").getBytes(StandardCharsets.UTF_8),
                fx.admin());
        @SuppressWarnings("unchecked")
        String token = (String) ((List<Map<String, Object>>) report.json().get("results")).get(0).get("claimToken");
        db.rows("UPDATE account_tokens SET expires_at = now() - interval '1 minute' WHERE token_hash = ? RETURNING id", sha256(token));

        var expired = api.post("/api/v1/auth/claim", Map.of("token", token, "password", "my own password 2030"), null);
        assertEquals(400, expired.status(), expired.body());
        assertEquals(List.of("token"), errorFields(expired));
        var unknown = api.post("/api/v1/auth/claim", Map.of("token", "no-such-token", "password", "my own password 2030"), null);
        assertEquals(List.of("token"), errorFields(unknown));
        assertEquals(expired.json().get("detail"), unknown.json().get("detail"), "one answer for every bad token");
        var shortPassword = api.post("/api/v1/auth/claim", Map.of("token", token, "password", "short"), null);
        assertEquals(List.of("password"), errorFields(shortPassword));

        assertNull(db.value("SELECT password_hash FROM users WHERE email = ?", email));
        assertNull(db.value("SELECT used_at FROM account_tokens WHERE token_hash = ?", sha256(token)));
    }

    @Test
    void anAdminReissuesALostClaimTokenAndTheOldOneStopsWorking() {
        String email = Api.uniqueEmail("lost");
        String cohort = (String) fx.createCohort(cohortBody("SDG-1", "WORKSHOP", 10, "OPEN", "AFRICA", List.of()), fx.admin()).get("id");
        var report = api.postRaw("/api/v1/cohorts/" + cohort + "/enrollments/import", "text/csv",
                ("email,full name,country,organization,language\n" + email + ",Lost Token,SN,,fr\n").getBytes(StandardCharsets.UTF_8),
                fx.admin());
        @SuppressWarnings("unchecked")
        String first = (String) ((List<Map<String, Object>>) report.json().get("results")).get(0).get("claimToken");
        String userId = (String) db.value("SELECT id::text FROM users WHERE email = ?", email);

        Api.Account learner = fx.learner("notadmin");
        assertEquals(403, api.post("/api/v1/users/" + userId + "/claim-token", Map.of(), learner.token()).status());
        var reissued = api.post("/api/v1/users/" + userId + "/claim-token", Map.of(), fx.admin());
        assertEquals(201, reissued.status(), reissued.body());
        assertEquals(userId, reissued.json().get("userId"));
        String second = (String) reissued.json().get("claimToken");
        assertNotEquals(first, second);

        assertEquals(List.of("token"), errorFields(api.post("/api/v1/auth/claim", Map.of("token", first, "password", "my own password 2030"), null)));
        assertEquals(200, api.post("/api/v1/auth/claim", Map.of("token", second, "password", "my own password 2030"), null).status());
        assertEquals(2L, db.value("SELECT count(*) FROM account_tokens WHERE user_id = ?::uuid AND used_at IS NOT NULL", userId));

        var claimed = api.post("/api/v1/users/" + userId + "/claim-token", Map.of(), fx.admin());
        assertEquals(409, claimed.status(), claimed.body());
        assertEquals(404, api.post("/api/v1/users/00000000-0000-0000-0000-000000000000/claim-token", Map.of(), fx.admin()).status());
        assertEquals(2L, db.value("SELECT count(*) FROM account_tokens WHERE user_id = ?::uuid", userId));
    }

    @Test
    void aDryRunHandsOutNoClaimToken() {
        String email = Api.uniqueEmail("dry");
        String cohort = (String) fx.createCohort(cohortBody("SDG-1", "WORKSHOP", 10, "OPEN", "AFRICA", List.of()), fx.admin()).get("id");
        var report = api.postRaw("/api/v1/cohorts/" + cohort + "/enrollments/import?dryRun=true", "text/csv",
                ("email,full name,country,organization,language\n" + email + ",Dry Run,SN,,fr\n").getBytes(StandardCharsets.UTF_8),
                fx.admin());
        assertEquals(200, report.status(), report.body());
        assertFalse(report.body().contains("claimToken"), report.body());
        assertEquals(0L, db.value("SELECT count(*) FROM users WHERE email = ?", email));
    }

    static String sha256(String s) throws RuntimeException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
