package org.uclg.learning.certificates.verify;

import org.junit.jupiter.api.Test;
import org.uclg.learning.certificates.CertificateKind;
import org.uclg.learning.certificates.CertificateResponse;
import org.uclg.learning.certificates.CertificateStatus;
import org.uclg.learning.people.RegionalSection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerifyPageTest {

    private static CertificateResponse english(int hours) {
        return new CertificateResponse(null, "7KQ4-M2XD-9HRT-WP3C", CertificateKind.MODULE_COMPLETION, CertificateStatus.VALID,
                "Fatou Ndiaye", "SDG-1", 2, "Localizing the SDGs: an introduction", "Dakar 2026", "en", hours,
                LocalDate.of(2026, 11, 30), RegionalSection.AFRICA, "UCLG-Africa", List.of("UNDP", "UN-Habitat"),
                Instant.parse("2026-12-01T09:00:00Z"), "https://learning.example/verify/7KQ4-M2XD-9HRT-WP3C", null, null, null, null);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, VerifyPage.Row> rows(CertificateResponse c, String lang) {
        List<VerifyPage.Row> rows = (List<VerifyPage.Row>) VerifyPage.model(c, lang, c.code(), "n0nce").get("rows");
        Map<String, VerifyPage.Row> byLabel = new java.util.LinkedHashMap<>();
        rows.forEach(r -> byLabel.put(r.label(), r));
        assertEquals(rows.size(), byLabel.size(), "every field has a term of its own: " + rows);
        return byLabel;
    }

    @Test
    void everyFieldHasItsOwnTermAndTheHoursTakeThePluralOfTheLanguage() {
        Map<String, VerifyPage.Row> en = rows(english(1), "en");
        assertEquals(List.of("Name", "Module", "Cohort", "Learning time", "Completed on", "Hosted by", "In partnership with",
                "Issued on", "Verification code"), List.copyOf(en.keySet()));
        assertEquals("1 hour of learning", en.get("Learning time").value());
        assertEquals("2 hours of learning", rows(english(2), "en").get("Learning time").value());
        assertEquals("UNDP, UN-Habitat", en.get("In partnership with").value());
        assertEquals("Dakar 2026", en.get("Cohort").value());

        Map<String, VerifyPage.Row> fr = rows(english(1), "fr");
        assertEquals("1 heure d'apprentissage", fr.get("Durée d'apprentissage").value());
        assertEquals("12 heures d'apprentissage", rows(english(12), "fr").get("Durée d'apprentissage").value());
        assertEquals("1 hora de aprendizaje", rows(english(1), "es").get("Tiempo de aprendizaje").value());
        assertEquals("30 novembre 2026", fr.get("Terminé le").value());
    }

    @Test
    void theModuleTitleKeepsTheCertificatesLanguageOnAPageInAnother() {
        Map<String, VerifyPage.Row> fr = rows(english(3), "fr");
        assertEquals("en", fr.get("Module").lang());
        assertEquals("Localizing the SDGs: an introduction (SDG-1, version 2)", fr.get("Module").value());
        assertNull(fr.get("Durée d'apprentissage").lang(), "texts of the page's own language need no lang");
        assertNull(rows(english(3), "en").get("Module").lang());
    }

    @Test
    void theOrganisationIsNamedInThePagesLanguage() {
        assertEquals("Cités et Gouvernements Locaux Unis", VerifyPage.model(english(1), "fr", "x", "n").get("organization"));
        assertEquals("Ciudades y Gobiernos Locales Unidos", VerifyPage.model(null, "es", "x", "n").get("organization"));
        assertTrue(((String) VerifyPage.model(null, "en", "x", "n").get("organization")).startsWith("United Cities"));
    }
}
