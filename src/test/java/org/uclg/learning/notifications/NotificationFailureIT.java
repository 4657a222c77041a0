package org.uclg.learning.notifications;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.uclg.learning.support.Api;
import org.uclg.learning.support.IntegrationBase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A message that cannot be sent (here: no SMTP server, and the mail folder cannot be created) is
 * tried max-attempts times and then kept as FAILED with its error, never tried again; the change
 * that caused it stands.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationFailureIT extends IntegrationBase implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        Path file = Path.of("target", "notification-failure-not-a-folder");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "a file where the mail folder should be");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("learning.notifications.mail-dir", file.resolve("mail").toString(),
                "learning.notifications.max-attempts", "3",
                "learning.notifications.retry-delay", "100ms");
    }

    @Test
    void aMessageThatKeepsFailingIsKeptAsFailedWithItsErrorAndTheChangeStands() throws InterruptedException {
        Api.Account learner = api.newLearner("undeliverable");
        String enrollment = (String) fx.enroll(fx.openCohort(null), learner.token()).get("id");
        assertEquals("ENROLLED", fx.status(enrollment));

        await().atMost(Duration.ofSeconds(20)).until(() -> "FAILED".equals(
                db.value("SELECT status FROM notifications WHERE user_id = ?::uuid", learner.id())));
        var row = db.rows("SELECT attempts, last_error, sent_at FROM notifications WHERE user_id = ?::uuid", learner.id()).get(0);
        assertEquals(3, row.get("attempts"));
        assertNotNull(row.get("last_error"));
        assertTrue(((String) row.get("last_error")).contains("notification-failure-not-a-folder"), (String) row.get("last_error"));
        assertEquals(null, row.get("sent_at"));
        Thread.sleep(1500);
        assertEquals(3, db.value("SELECT attempts FROM notifications WHERE user_id = ?::uuid", learner.id()), "never tried again");
    }
}
