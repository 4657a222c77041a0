package org.uclg.learning.notifications;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.uclg.learning.support.Api;
import org.uclg.learning.support.IntegrationBase;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uclg.learning.support.Fixtures.cohortBody;

/**
 * Notifications end to end: the service sends through a real SMTP server (GreenMail) in the test
 * JVM, and the tests read what it received and what the outbox stored.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationsIT extends IntegrationBase implements TestPropertyProvider {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private final Mailbox mailbox = new Mailbox();

    @Inject
    NotificationsApi notifications;
    @Inject
    TransactionOperations<Connection> transactions;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("learning.notifications.smtp.host", "127.0.0.1",
                "learning.notifications.smtp.port", Integer.toString(mailbox.port()),
                "learning.notifications.smtp.starttls", "false",
                "learning.notifications.retry-delay", "500ms",
                "learning.notifications.max-attempts", "100");
    }

    @AfterAll
    void stopMailbox() {
        mailbox.stop();
    }

    private Api.Account learner(String prefix, String language) {
        String email = Api.uniqueEmail(prefix);
        Map<String, Object> body = new java.util.LinkedHashMap<>(Api.registration(email, "Nombre " + prefix));
        body.put("preferredLanguage", language);
        var r = api.post("/api/v1/auth/register", body, null);
        assertEquals(201, r.status(), r.body());
        return new Api.Account((String) r.json().get("id"), email, api.login(email, "correct horse battery"));
    }

    private Mailbox.Received onlyMailTo(String email) {
        await().atMost(WAIT).until(() -> !mailbox.to(email).isEmpty());
        List<Mailbox.Received> mails = mailbox.to(email);
        assertEquals(1, mails.size(), () -> "one message only: " + mails.stream().map(Mailbox.Received::subject).toList());
        return mails.get(0);
    }

    private List<Map<String, Object>> stored(String userId) {
        return db.rows("SELECT kind, cause, status, attempts, language, body_text, last_error FROM notifications "
                + "WHERE user_id = ?::uuid ORDER BY created_at", userId);
    }

    @Test
    void anEnrolmentIsConfirmedOnceInTheLearnersLanguageAsTextAndHtml() {
        Api.Account learner = learner("inscrita", "es");
        String cohort = fx.openCohort(null);
        String enrollment = (String) fx.enroll(cohort, learner.token()).get("id");
        assertEquals(409, api.post("/api/v1/cohorts/" + cohort + "/enrollments", Map.of(), learner.token()).status());

        Mailbox.Received mail = onlyMailTo(learner.email());
        assertTrue(mail.subject().startsWith("Inscripción confirmada: "), mail.subject());
        assertTrue(mail.text().startsWith("Hola, Nombre inscrita:"), mail.text());
        assertTrue(mail.text().contains("/api/v1/enrollments/" + enrollment + "/progress"), mail.text());
        assertTrue(mail.html().contains("<html lang=\"es\">"), mail.html());
        assertTrue(mail.html().contains("<a href=\"http"), mail.html());
        assertTrue(mail.attachments().isEmpty());

        await().atMost(WAIT).until(() -> "SENT".equals(stored(learner.id()).get(0).get("status")));
        var row = stored(learner.id());
        assertEquals(1, row.size());
        assertEquals("ENROLLED", row.get(0).get("kind"));
        assertEquals("enrollment:" + enrollment, row.get(0).get("cause"));
        assertEquals(1, row.get(0).get("attempts"));
        assertEquals("es", row.get(0).get("language"));
    }

    @Test
    void theWaitlistedLearnerHearsOfTheWaitlistAndThenOfThePromotion() {
        String cohort = fx.openCohort(1);
        Api.Account first = learner("seated", "en");
        Api.Account second = learner("attente", "fr");
        String seated = (String) fx.enroll(cohort, first.token()).get("id");
        fx.enroll(cohort, second.token());
        Mailbox.Received waitlisted = onlyMailTo(second.email());
        assertTrue(waitlisted.subject().startsWith("Sur liste d’attente : "), waitlisted.subject());

        assertEquals(200, api.post("/api/v1/enrollments/" + seated + "/withdraw", Map.of(), first.token()).status());
        await().atMost(WAIT).until(() -> mailbox.to(second.email()).size() == 2);
        Mailbox.Received promoted = mailbox.to(second.email()).get(1);
        assertTrue(promoted.subject().startsWith("Une place pour vous : "), promoted.subject());
        assertTrue(promoted.text().contains("vous êtes inscrit·e"), promoted.text());
        assertEquals(List.of("WAITLISTED", "PROMOTED"), stored(second.id()).stream().map(r -> r.get("kind")).toList());
        assertEquals("You are enrolled: ", onlyMailTo(first.email()).subject().substring(0, 18));
    }

    @Test
    void anApplicantHearsThatTheApplicationWasReceivedAndThenAcceptedOrRejected() {
        String cohort = (String) fx.createCohort(cohortBody("SDG-2", "FACILITATED", 10, "APPLICATION", "AFRICA", List.of()),
                fx.admin()).get("id");
        Api.Account accepted = learner("accepted", "en");
        Api.Account rejected = learner("rejected", "es");
        String a = (String) fx.enroll(cohort, accepted.token()).get("id");
        String r = (String) fx.enroll(cohort, rejected.token()).get("id");
        assertTrue(onlyMailTo(accepted.email()).subject().startsWith("Application received: "));
        assertTrue(onlyMailTo(rejected.email()).subject().startsWith("Solicitud recibida: "));

        assertEquals(200, api.post("/api/v1/enrollments/" + a + "/accept", Map.of(), fx.admin()).status());
        assertEquals(200, api.post("/api/v1/enrollments/" + r + "/reject", Map.of(), fx.admin()).status());
        await().atMost(WAIT).until(() -> mailbox.to(accepted.email()).size() == 2 && mailbox.to(rejected.email()).size() == 2);
        assertTrue(mailbox.to(accepted.email()).get(1).subject().startsWith("Application accepted: "));
        assertTrue(mailbox.to(rejected.email()).get(1).subject().startsWith("Solicitud no aceptada: "));
    }

    @Test
    void aNotificationOfAChangeThatRollsBackIsNeverStoredNorSent() {
        Api.Account learner = learner("rolledback", "en");
        Recipient to = new Recipient(UUID.fromString(learner.id()), learner.email(), "en", "Rolled Back");
        assertThrows(IllegalStateException.class, () -> transactions.executeWrite(status -> {
            notifications.notify(to, NotificationKind.ENROLLED, "enrollment:" + UUID.randomUUID(),
                    Map.of("cohort", "C", "module", "SDG-1", "startsOn", "today", "link", "http://x"), null);
            throw new IllegalStateException("the change fails after its notification was written");
        }));
        // outside a transaction the API refuses to write at all: a notification always belongs to a change
        assertThrows(RuntimeException.class, () -> notifications.notify(to, NotificationKind.ENROLLED, "x", Map.of(), null));

        // a later change of the same learner is sent; the rolled-back one never is
        fx.enroll(fx.openCohort(null), learner.token());
        Mailbox.Received mail = onlyMailTo(learner.email());
        assertTrue(mail.subject().startsWith("You are enrolled: "));
        assertEquals(1, stored(learner.id()).size());
    }

    @Test
    void aMessageIsRetriedAfterTheSmtpServerFailedAndSentOnce() throws Exception {
        Api.Account learner = learner("retry", "fr");
        String cohort = fx.openCohort(null);
        mailbox.stop();
        try {
            fx.enroll(cohort, learner.token());
            await().atMost(WAIT).until(() -> {
                var row = stored(learner.id());
                return !row.isEmpty() && (int) row.get(0).get("attempts") >= 2;
            });
            var failing = stored(learner.id()).get(0);
            assertEquals("PENDING", failing.get("status"));
            assertNotNull(failing.get("last_error"));
        } finally {
            mailbox.start();
        }
        Mailbox.Received mail = onlyMailTo(learner.email());
        assertTrue(mail.subject().startsWith("Inscription confirmée : "), mail.subject());
        await().atMost(WAIT).until(() -> "SENT".equals(stored(learner.id()).get(0).get("status")));
        var sent = stored(learner.id()).get(0);
        assertNull(sent.get("last_error"));
        assertTrue((int) sent.get("attempts") >= 3);
        Thread.sleep(1500);
        assertEquals(1, mailbox.to(learner.email()).size(), "sent once, not once per attempt");
    }

    @Test
    void aPasswordResetAnswersAlikeForUnknownEmailsAndItsTokenWorksOnce() {
        Api.Account learner = learner("forgetful", "fr");
        String unknown = Api.uniqueEmail("nobody");
        var known = api.post("/api/v1/auth/password-reset", Map.of("email", learner.email().toUpperCase()), null);
        var stranger = api.post("/api/v1/auth/password-reset", Map.of("email", unknown), null);
        assertEquals(202, known.status(), known.body());
        assertEquals(202, stranger.status(), stranger.body());
        assertEquals(known.body(), stranger.body());

        Mailbox.Received mail = onlyMailTo(learner.email());
        assertTrue(mail.subject().startsWith("Réinitialisez votre mot de passe"), mail.subject());
        String token = mail.token();
        assertEquals(1L, db.value("SELECT count(*) FROM account_tokens WHERE user_id = ?::uuid AND purpose = 'PASSWORD_RESET'", learner.id()));
        assertEquals(0L, db.value("SELECT count(*) FROM account_tokens WHERE token_hash = ?", token), "only the hash is stored");
        // once sent, the outbox keeps no copy of the token
        await().atMost(WAIT).until(() -> "SENT".equals(stored(learner.id()).get(0).get("status")));
        assertNull(stored(learner.id()).get(0).get("body_text"));
        assertTrue(mailbox.to(unknown).isEmpty());

        var confirmed = api.post("/api/v1/auth/password-reset/confirm", Map.of("token", token, "password", "a brand new password"), null);
        assertEquals(200, confirmed.status(), confirmed.body());
        assertEquals(401, api.get("/api/v1/me", learner.token()).status(), "the sessions before the reset end");
        assertEquals(200, api.get("/api/v1/me", (String) confirmed.json().get("access_token")).status());
        assertNotNull(api.login(learner.email(), "a brand new password"));

        var reused = api.post("/api/v1/auth/password-reset/confirm", Map.of("token", token, "password", "another password 2031"), null);
        assertEquals(400, reused.status(), reused.body());
        assertEquals(List.of("token"), org.uclg.learning.support.Fixtures.errorFields(reused));
    }

    @Test
    void anExpiredResetTokenIsRefusedAndTheRequestsAreLimitedPerAddress() {
        Api.Account learner = learner("expired", "en");
        assertEquals(202, api.post("/api/v1/auth/password-reset", Map.of("email", learner.email()), null).status());
        String token = onlyMailTo(learner.email()).token();
        db.rows("UPDATE account_tokens SET expires_at = now() - interval '1 minute' WHERE user_id = ?::uuid RETURNING id", learner.id());
        var expired = api.post("/api/v1/auth/password-reset/confirm", Map.of("token", token, "password", "a brand new password"), null);
        assertEquals(400, expired.status(), expired.body());
        assertEquals(List.of("token"), org.uclg.learning.support.Fixtures.errorFields(expired));
        assertNotNull(api.login(learner.email(), "correct horse battery"), "the password did not change");

        assertEquals(202, api.post("/api/v1/auth/password-reset", Map.of("email", learner.email()), null).status());
        assertEquals(202, api.post("/api/v1/auth/password-reset", Map.of("email", learner.email()), null).status());
        var limited = api.post("/api/v1/auth/password-reset", Map.of("email", learner.email()), null);
        assertEquals(429, limited.status(), limited.body());
        assertNotNull(limited.header("Retry-After"));
        var bad = api.post("/api/v1/auth/password-reset", Map.of("email", "not an email"), null);
        assertEquals(400, bad.status());
        assertEquals(List.of("email"), org.uclg.learning.support.Fixtures.errorFields(bad));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anImportedPersonIsInvitedInTheirLanguageAndClaimsTheAccountWithTheMailedToken() {
        String email = Api.uniqueEmail("invited");
        String cohort = (String) fx.createCohort(cohortBody("SDG-1", "WORKSHOP", 10, "OPEN", "AFRICA", List.of()), fx.admin()).get("id");
        var report = api.postRaw("/api/v1/cohorts/" + cohort + "/enrollments/import", "text/csv",
                ("email,full name,country,organization,language\n" + email + ",Lucía Pérez,AR,Rosario,es\n")
                        .getBytes(StandardCharsets.UTF_8), fx.admin());
        assertEquals(200, report.status(), report.body());
        Map<String, Object> row = ((List<Map<String, Object>>) report.json().get("results")).get(0);

        await().atMost(WAIT).until(() -> mailbox.to(email).size() == 2);
        Mailbox.Received invitation = mailbox.to(email).stream()
                .filter(m -> m.subject().equals("Tu cuenta de #LearningWithUCLG está lista")).findFirst().orElseThrow();
        assertTrue(invitation.text().startsWith("Hola, Lucía Pérez:"), invitation.text());
        assertEquals(row.get("claimToken"), invitation.token());
        assertTrue(mailbox.to(email).stream().anyMatch(m -> m.subject().startsWith("Inscripción confirmada: ")));

        var claimed = api.post("/api/v1/auth/claim", Map.of("token", invitation.token(), "password", "mi contraseña 2030"), null);
        assertEquals(200, claimed.status(), claimed.body());
        assertNotNull(api.login(email, "mi contraseña 2030"));
        String userId = db.value("SELECT id FROM users WHERE email = ?", email).toString();
        await().atMost(WAIT).until(() -> stored(userId).stream().allMatch(r -> "SENT".equals(r.get("status"))));
        assertTrue(stored(userId).stream().filter(r -> "INVITATION".equals(r.get("kind"))).allMatch(r -> r.get("body_text") == null));
    }

    @Test
    void anIssuedCertificateIsMailedWithItsPdfAndARevocationWithItsReason() {
        Api.Account learner = learner("certified", "en");
        String cohort = fx.openCohort(null);
        String enrollment = (String) fx.enroll(cohort, learner.token()).get("id");
        assertEquals(200, api.post("/api/v1/enrollments/" + enrollment + "/complete", Map.of(), fx.admin()).status());

        await().atMost(WAIT).until(() -> mailbox.to(learner.email()).size() == 2);
        Mailbox.Received issued = mailbox.to(learner.email()).get(1);
        assertTrue(issued.subject().startsWith("Your certificate: "), issued.subject());
        String certificateId = db.value("SELECT id FROM certificates WHERE enrollment_id = ?::uuid", enrollment).toString();
        String code = (String) api.get("/api/v1/certificates/" + certificateId, learner.token()).json().get("verifyUrl");
        assertTrue(issued.text().contains(code), issued.text());
        assertEquals(1, issued.attachments().size());
        byte[] attached = issued.attachments().values().iterator().next();
        assertArrayEquals(api.getBytes("/api/v1/certificates/" + certificateId + "/pdf", learner.token()).body(), attached);

        assertEquals(200, api.post("/api/v1/certificates/" + certificateId + "/revoke", Map.of("reason", "issued in error"),
                fx.admin()).status());
        await().atMost(WAIT).until(() -> mailbox.to(learner.email()).size() == 3);
        Mailbox.Received revoked = mailbox.to(learner.email()).get(2);
        assertTrue(revoked.subject().startsWith("Certificate revoked: "), revoked.subject());
        assertTrue(revoked.text().contains("Reason: issued in error"), revoked.text());
    }
}
