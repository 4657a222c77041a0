package org.uclg.learning.notifications;

import org.junit.jupiter.api.Test;
import org.uclg.learning.shared.Languages;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MailTextTest {
    private static final Map<String, Object> VALUES = Map.ofEntries(
            Map.entry("cohort", "Cohorte <b>&</b>"), Map.entry("module", "SDG-1"), Map.entry("startsOn", "1 janvier 2027"),
            Map.entry("link", "https://learning.uclg.org/verify/ABCD-EFGH?x=1&y=2"), Map.entry("title", "Titre"),
            Map.entry("code", "ABCD-EFGH"), Map.entry("reason", "erreur"), Map.entry("inviter", "Admin"),
            Map.entry("token", "tok"), Map.entry("expiresOn", "1 janvier"), Map.entry("expiresAt", "1 janvier 10:00 UTC"),
            Map.entry("claimPath", "/api/v1/auth/claim"), Map.entry("confirmPath", "/api/v1/auth/password-reset/confirm"));

    @Test
    void everyKindHasItsTextsInEveryLanguageWithEveryArgumentFilled() {
        for (NotificationKind kind : NotificationKind.values()) {
            Map<String, String> subjects = new HashMap<>();
            for (String language : Languages.SUPPORTED) {
                MailText.Rendered r = MailText.render(kind, language, "Awa", VALUES);
                assertFalse(r.subject().contains("{") || r.text().contains("{"), kind + " " + language + ": " + r.text());
                assertTrue(r.html().startsWith("<!DOCTYPE html>"), r.html());
                subjects.put(language, r.subject());
            }
            assertEquals(3, subjects.values().stream().distinct().count(), kind + " is translated: " + subjects);
        }
    }

    @Test
    void theHtmlPartEscapesValuesAndLinksAddresses() {
        MailText.Rendered r = MailText.render(NotificationKind.CERTIFICATE_ISSUED, "en", "<script>x</script>", VALUES);
        assertTrue(r.text().startsWith("Hello <script>x</script>,"), r.text());
        assertFalse(r.html().contains("<script>"), r.html());
        assertTrue(r.html().contains("Hello &lt;script&gt;x&lt;/script&gt;,"), r.html());
        assertTrue(r.html().contains("<a href=\"https://learning.uclg.org/verify/ABCD-EFGH?x=1&amp;y=2\">"), r.html());
        assertTrue(r.html().contains("<html lang=\"en\">"));
    }

    @Test
    void retriesWaitTwiceAsLongEachTimeUpToTheLongestWait() {
        OutboxSender sender = new OutboxSender(null, null, new NotificationsProperties("a@b.org", "n", 8, Duration.ofSeconds(30),
                Duration.ofMinutes(3), Duration.ofSeconds(5), "target/mail"), null);
        assertEquals(Duration.ofSeconds(30), sender.backoff(1));
        assertEquals(Duration.ofSeconds(60), sender.backoff(2));
        assertEquals(Duration.ofSeconds(120), sender.backoff(3));
        assertEquals(Duration.ofMinutes(3), sender.backoff(4));
        assertEquals(Duration.ofMinutes(3), sender.backoff(40));
    }
}
