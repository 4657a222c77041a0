package org.uclg.learning.reporting.export;

import org.junit.jupiter.api.Test;
import org.uclg.learning.shared.Messages;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReportTextsTest {
    @Test
    void thePrivacyLineCountsPeopleWithEachLanguagesPluralRule() {
        assertEquals("Counts of fewer than 5 people are shown as <5. No names or personal data.",
                Messages.get("en", "report.privacy", 5, "<5"));
        assertEquals("Counts of fewer than 1 person are shown as <1. No names or personal data.",
                Messages.get("en", "report.privacy", 1, "<1"));
        assertEquals("Las cifras de menos de 5 personas se muestran como <5. Sin nombres ni datos personales.",
                Messages.get("es", "report.privacy", 5, "<5"));
        assertEquals("Les effectifs de moins de 1 personne sont affichés « <1 ». Aucun nom ni donnée personnelle.",
                Messages.get("fr", "report.privacy", 1, "<1"));
    }

    @Test
    void apostrophesAndDatesSurviveFormatting() {
        assertEquals("Taux d'achèvement", Messages.get("fr", "report.completionRate"));
        assertEquals("Période\u00a0: 1 janvier 2016 – 31 décembre 2016", Messages.get("fr", "report.period",
                Messages.date("fr", java.time.LocalDate.of(2016, 1, 1)), Messages.date("fr", java.time.LocalDate.of(2016, 12, 31))));
    }
}
