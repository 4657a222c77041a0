package org.uclg.learning.certificates;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;

/** Every fixed word of the certificate PDF and the verification page, in en, es and fr. */
final class Texts {
    private static final Map<String, Map<String, String>> TEXT = Map.of(
            "en", Map.ofEntries(
                    Map.entry("MODULE_COMPLETION", "Certificate of completion"),
                    Map.entry("CERTIFIED_TRAINER", "Certified trainer"),
                    Map.entry("EVENT_ATTENDANCE", "Certificate of attendance"),
                    Map.entry("certifies", "This is to certify that"),
                    Map.entry("did.MODULE_COMPLETION", "has successfully completed the learning module"),
                    Map.entry("did.CERTIFIED_TRAINER", "is certified as a trainer of the learning module"),
                    Map.entry("did.EVENT_ATTENDANCE", "attended"),
                    Map.entry("version", "version %d"),
                    Map.entry("hours", "%d hours of learning"),
                    Map.entry("completed", "Completed on %s"),
                    Map.entry("host", "Hosted by %s"),
                    Map.entry("partners", "In partnership with %s"),
                    Map.entry("signature", "UCLG Learning team, World Secretariat"),
                    Map.entry("verify", "Verify this certificate"),
                    Map.entry("code", "Verification code"),
                    Map.entry("cohort", "Cohort"),
                    Map.entry("name", "Name"),
                    Map.entry("module", "Module"),
                    Map.entry("issued", "Issued on"),
                    Map.entry("VALID", "Valid"),
                    Map.entry("REVOKED", "Revoked"),
                    Map.entry("SUPERSEDED", "Superseded"),
                    Map.entry("revokedBecause", "Revoked on %s. Reason: %s"),
                    Map.entry("supersededBy", "Replaced by a newer certificate:"),
                    Map.entry("pageTitle", "Certificate verification"),
                    Map.entry("notFound", "No certificate has this code. Check it letter by letter.")),
            "es", Map.ofEntries(
                    Map.entry("MODULE_COMPLETION", "Certificado de finalización"),
                    Map.entry("CERTIFIED_TRAINER", "Formador/a certificado/a"),
                    Map.entry("EVENT_ATTENDANCE", "Certificado de asistencia"),
                    Map.entry("certifies", "Se certifica que"),
                    Map.entry("did.MODULE_COMPLETION", "ha completado con éxito el módulo de aprendizaje"),
                    Map.entry("did.CERTIFIED_TRAINER", "está certificado/a como formador/a del módulo de aprendizaje"),
                    Map.entry("did.EVENT_ATTENDANCE", "asistió a"),
                    Map.entry("version", "versión %d"),
                    Map.entry("hours", "%d horas de aprendizaje"),
                    Map.entry("completed", "Completado el %s"),
                    Map.entry("host", "Organizado por %s"),
                    Map.entry("partners", "En colaboración con %s"),
                    Map.entry("signature", "Equipo de Aprendizaje de CGLU, Secretaría Mundial"),
                    Map.entry("verify", "Verifique este certificado"),
                    Map.entry("code", "Código de verificación"),
                    Map.entry("cohort", "Cohorte"),
                    Map.entry("name", "Nombre"),
                    Map.entry("module", "Módulo"),
                    Map.entry("issued", "Emitido el"),
                    Map.entry("VALID", "Válido"),
                    Map.entry("REVOKED", "Revocado"),
                    Map.entry("SUPERSEDED", "Reemplazado"),
                    Map.entry("revokedBecause", "Revocado el %s. Motivo: %s"),
                    Map.entry("supersededBy", "Reemplazado por un certificado más reciente:"),
                    Map.entry("pageTitle", "Verificación de certificado"),
                    Map.entry("notFound", "Ningún certificado tiene este código. Revíselo letra por letra.")),
            "fr", Map.ofEntries(
                    Map.entry("MODULE_COMPLETION", "Certificat de réussite"),
                    Map.entry("CERTIFIED_TRAINER", "Formateur·rice certifié·e"),
                    Map.entry("EVENT_ATTENDANCE", "Certificat de participation"),
                    Map.entry("certifies", "Nous certifions que"),
                    Map.entry("did.MODULE_COMPLETION", "a suivi avec succès le module d'apprentissage"),
                    Map.entry("did.CERTIFIED_TRAINER", "est certifié·e comme formateur·rice du module d'apprentissage"),
                    Map.entry("did.EVENT_ATTENDANCE", "a participé à"),
                    Map.entry("version", "version %d"),
                    Map.entry("hours", "%d heures d'apprentissage"),
                    Map.entry("completed", "Terminé le %s"),
                    Map.entry("host", "Organisé par %s"),
                    Map.entry("partners", "En partenariat avec %s"),
                    Map.entry("signature", "Équipe Apprentissage de CGLU, Secrétariat mondial"),
                    Map.entry("verify", "Vérifier ce certificat"),
                    Map.entry("code", "Code de vérification"),
                    Map.entry("cohort", "Cohorte"),
                    Map.entry("name", "Nom"),
                    Map.entry("module", "Module"),
                    Map.entry("issued", "Délivré le"),
                    Map.entry("VALID", "Valide"),
                    Map.entry("REVOKED", "Révoqué"),
                    Map.entry("SUPERSEDED", "Remplacé"),
                    Map.entry("revokedBecause", "Révoqué le %s. Motif : %s"),
                    Map.entry("supersededBy", "Remplacé par un certificat plus récent :"),
                    Map.entry("pageTitle", "Vérification de certificat"),
                    Map.entry("notFound", "Aucun certificat n'a ce code. Vérifiez-le lettre par lettre.")));

    private Texts() {
    }

    static String get(String lang, String key, Object... args) {
        String text = TEXT.getOrDefault(lang, TEXT.get("en")).get(key);
        return args.length == 0 ? text : String.format(Locale.ROOT, text, args);
    }

    static String date(String lang, LocalDate date) {
        return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.forLanguageTag(lang)));
    }
}
