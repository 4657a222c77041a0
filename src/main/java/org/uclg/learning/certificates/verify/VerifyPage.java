package org.uclg.learning.certificates.verify;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Introspected;
import org.uclg.learning.certificates.CertificateKind;
import org.uclg.learning.certificates.CertificateResponse;
import org.uclg.learning.shared.Messages;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The model of the public verification page (template {@code views/verify.html}, which escapes
 * every value): what a mayor's office sees after scanning the QR code, on any phone.
 */
final class VerifyPage {
    /**
     * One printed field: its term, its value, how it is shown (name, code or plain), and the language
     * of the value when it is not the page's (a module title stays in the certificate's language).
     */
    @Introspected
    record Row(String label, String value, String style, @Nullable String lang) {
    }

    private VerifyPage() {
    }

    static Map<String, Object> model(@Nullable CertificateResponse c, String lang, String typedCode, String nonce) {
        Map<String, Object> model = new HashMap<>();
        model.put("lang", lang);
        model.put("nonce", nonce);
        model.put("organization", Messages.get(lang, "verify.organization"));
        model.put("title", Messages.get(lang, "verify.pageTitle"));
        model.put("notFound", Messages.get(lang, "verify.notFound"));
        model.put("typedCode", typedCode);
        model.put("certificate", c);
        if (c == null) {
            return model;
        }
        model.put("status", Messages.get(lang, "certificate.status." + c.status().name()));
        model.put("revoked", c.revokedAt() == null ? null : Messages.get(lang, "certificate.revokedBecause",
                Messages.date(lang, c.revokedAt().atZone(ZoneOffset.UTC).toLocalDate()), c.revokedReason()));
        model.put("supersededBy", Messages.get(lang, "certificate.supersededBy"));
        model.put("kind", Messages.get(lang, "certificate.kind." + c.kind().name()));
        // texts frozen in the certificate's language carry it when the page is in another
        String frozen = c.language().equals(lang) ? null : c.language();
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(Messages.get(lang, "certificate.name"), c.printedName(), "name", null));
        if (c.kind() == CertificateKind.EVENT_ATTENDANCE) {
            // an event: its title, format and venue, the day it was held (as printed)
            rows.add(new Row(Messages.get(lang, "certificate.event"), c.moduleTitle(), "plain", frozen));
            rows.add(new Row(Messages.get(lang, "verify.label.format"), c.cohortTitle(), "plain", frozen));
            rows.add(new Row(Messages.get(lang, "verify.label.heldOn"), Messages.date(lang, c.completedOn()), "plain", null));
        } else {
            rows.add(new Row(Messages.get(lang, "certificate.module"), c.moduleTitle() + " (" + c.moduleCode() + ", "
                    + Messages.get(c.language(), "certificate.version", c.moduleVersion()) + ")", "plain", frozen));
            rows.add(new Row(Messages.get(lang, "certificate.cohort"), c.cohortTitle(), "plain", null));
            rows.add(new Row(Messages.get(lang, "verify.label.hours"), Messages.get(lang, "certificate.hours", c.hours()), "plain", null));
            rows.add(new Row(Messages.get(lang, "verify.label.completed"), Messages.date(lang, c.completedOn()), "plain", null));
        }
        rows.add(new Row(Messages.get(lang, "verify.label.host"), c.regionalSection().displayName(lang), "plain", null));
        if (!c.partners().isEmpty()) {
            rows.add(new Row(Messages.get(lang, "verify.label.partners"), String.join(", ", c.partners()), "plain", null));
        }
        rows.add(new Row(Messages.get(lang, "certificate.issued"),
                Messages.date(lang, c.issuedAt().atZone(ZoneOffset.UTC).toLocalDate()), "plain", null));
        rows.add(new Row(Messages.get(lang, "certificate.code"), c.code(), "code", null));
        model.put("rows", rows);
        return model;
    }
}
