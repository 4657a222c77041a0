package org.uclg.learning.shared;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class MessagesTest {
    @Test
    void everyKeyExistsInEveryLanguage() {
        Set<String> english = keys("en");
        assertFalse(english.isEmpty());
        for (String lang : Languages.SUPPORTED) {
            assertEquals(english, keys(lang), "keys of messages_" + lang + ".properties");
        }
    }

    @Test
    void everyMessageFormatsInEveryLanguage() {
        for (String lang : Languages.SUPPORTED) {
            for (String key : keys(lang)) {
                // notification texts take named arguments (MailTextTest fills every one of them)
                String text = key.startsWith("notification.") ? Messages.named(lang, key, java.util.Map.of("name", "x"))
                        : Messages.get(lang, key, 2, "x");
                assertFalse(text.isBlank(), lang + " " + key);
            }
        }
    }

    @Test
    void hoursFollowEachLanguagesPluralRule() {
        assertEquals("1 hour of learning", Messages.get("en", "certificate.hours", 1));
        assertEquals("12 hours of learning", Messages.get("en", "certificate.hours", 12));
        assertEquals("1 hora de aprendizaje", Messages.get("es", "certificate.hours", 1));
        assertEquals("3 horas de aprendizaje", Messages.get("es", "certificate.hours", 3));
        assertEquals("1 heure d'apprentissage", Messages.get("fr", "certificate.hours", 1));
        assertEquals("2 heures d'apprentissage", Messages.get("fr", "certificate.hours", 2));
    }

    @Test
    void apostrophesAndArgumentsSurviveFormatting() {
        assertEquals("Aucun certificat n'a ce code. Vérifiez-le lettre par lettre.", Messages.get("fr", "verify.notFound"));
        assertEquals("a suivi avec succès le module d'apprentissage", Messages.get("fr", "certificate.did.MODULE_COMPLETION"));
        assertEquals("Revoked on December 2, 2026. Reason: fraud",
                Messages.get("en", "certificate.revokedBecause", Messages.date("en", LocalDate.of(2026, 12, 2)), "fraud"));
    }

    @Test
    void anUnsupportedLanguageGetsEnglish() {
        assertEquals("Certificate verification", Messages.get("de", "verify.pageTitle"));
    }

    private static Set<String> keys(String lang) {
        return new TreeSet<>(Collections.list(Messages.bundle(lang).getKeys()));
    }
}
