package org.uclg.learning.people;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.uclg.learning.support.Api;
import org.uclg.learning.support.IntegrationBase;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Failed logins slow down one account from one client address, progressively; a stranger can
 * neither lock the owner out nor tell known emails from unknown ones, nor check more passwords by
 * trying at once. Client addresses come from X-Forwarded-For, as behind the proxy the service runs
 * behind.
 */
@MicronautTest(transactional = false)
class LoginThrottleIT extends IntegrationBase {
    private static final String PASSWORD = "correct horse battery";

    private Api.Response login(String email, String password, String client) {
        return api.post("/api/v1/auth/login", Map.of("username", email, "password", password), null, "X-Forwarded-For", client);
    }

    private Object failures(String email, String client) {
        List<Map<String, Object>> rows = db.rows("SELECT failures FROM login_failures WHERE account_key = ? AND client = ?",
                CredentialsIT.sha256(email.strip().toLowerCase(Locale.ROOT)), client);
        return rows.isEmpty() ? null : rows.get(0).get("failures");
    }

    @Test
    void aStrangersFailuresInAnyCaseOrSpacingDoNotSlowTheOwnerElsewhere() {
        String email = Api.uniqueEmail("victim");
        api.registerLearner(email, "Victim");
        List<String> spellings = List.of(email, email.toUpperCase(Locale.ROOT), "  " + email + " ", " " + email.toUpperCase(Locale.ROOT),
                "\t" + email);
        for (String spelling : spellings) {
            assertEquals(401, login(spelling, "guess " + spelling.length(), "203.0.113.9").status());
        }
        var slowed = login(email, PASSWORD, "203.0.113.9");
        assertEquals(429, slowed.status(), slowed.body());
        assertEquals("application/problem+json", slowed.contentType());
        assertEquals("1", slowed.header("Retry-After"));
        assertEquals(5, failures(email, "203.0.113.9"), "every spelling counted on one account");

        var owner = login(email, PASSWORD, "198.51.100.7");
        assertEquals(200, owner.status(), "the owner, from their own address, is not slowed: " + owner.body());
        assertEquals(null, failures(email, "198.51.100.7"));
    }

    @Test
    void theDelayGrowsWithEachFailureAndTheRightPasswordAfterItClearsTheCount() throws Exception {
        String email = Api.uniqueEmail("slow");
        api.registerLearner(email, "Slow Down");
        String client = "192.0.2.44";
        for (int i = 0; i < 5; i++) {
            assertEquals(401, login(email, "wrong " + i, client).status());
        }
        assertEquals("1", login(email, "wrong", client).header("Retry-After"));
        Thread.sleep(1_100);
        assertEquals(401, login(email, "wrong again", client).status(), "checked once the delay passed");
        var doubled = login(email, PASSWORD, client);
        assertEquals(429, doubled.status(), "even the right password waits: it is not checked");
        assertEquals("2", doubled.header("Retry-After"));
        assertEquals(6, failures(email, client));

        Thread.sleep(2_100);
        assertEquals(200, login(email, PASSWORD, client).status());
        assertEquals(null, failures(email, client), "a success starts afresh");
    }

    @Test
    void unknownEmailsAnswerExactlyLikeKnownOnes() {
        String known = Api.uniqueEmail("known");
        api.registerLearner(known, "Known");
        String unknown = Api.uniqueEmail("unknown");
        List<String> knownAnswers = new ArrayList<>();
        List<String> unknownAnswers = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            var k = login(known, "wrong " + i, "203.0.113.77");
            var u = login(unknown, "wrong " + i, "203.0.113.77");
            knownAnswers.add(k.status() + " " + k.header("Retry-After") + " " + k.json().get("type") + " " + k.json().get("detail"));
            unknownAnswers.add(u.status() + " " + u.header("Retry-After") + " " + u.json().get("type") + " " + u.json().get("detail"));
        }
        assertEquals(knownAnswers, unknownAnswers);
        assertTrue(knownAnswers.get(4).startsWith("401"), knownAnswers.toString());
        assertTrue(knownAnswers.get(5).startsWith("429"), knownAnswers.toString());
        assertEquals(5, failures(unknown, "203.0.113.77"));
    }

    @Test
    void concurrentTriesCheckNoMorePasswordsThanAllowed() throws Exception {
        String email = Api.uniqueEmail("burst");
        api.registerLearner(email, "Burst");
        int tries = 15;
        ExecutorService pool = Executors.newFixedThreadPool(tries);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < tries; i++) {
                String guess = "guess number " + i;
                Callable<Integer> attempt = () -> {
                    start.await();
                    return login(email, guess, "203.0.113.150").status();
                };
                answers.add(pool.submit(attempt));
            }
            start.countDown();
            int unauthorized = 0;
            int slowed = 0;
            for (Future<Integer> f : answers) {
                int status = f.get();
                if (status == 401) {
                    unauthorized++;
                } else if (status == 429) {
                    slowed++;
                }
            }
            assertEquals(5, unauthorized, "passwords checked");
            assertEquals(10, slowed);
            assertEquals(5, failures(email, "203.0.113.150"));
        } finally {
            pool.shutdownNow();
        }
    }
}
