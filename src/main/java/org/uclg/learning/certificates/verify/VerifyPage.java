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
    /** One printed field: its label (may be empty), its value, and how it is shown (name, code or plain). */
    @Introspected
    record Row(String label, String value, String style) {
    }

    private VerifyPage() {
    }

    static Map<String, Object> model(@Nullable CertificateResponse c, String lang, String typedCode) {
        Map<String, Object> model = new HashMap<>();
        model.put("lang", lang);
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
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(Messages.get(lang, "certificate.name"), c.printedName(), "name"));
        if (c.kind() == CertificateKind.EVENT_ATTENDANCE) {
            // an event: its title, format and venue, the day it was held (as printed)
            rows.add(new Row(Messages.get(lang, "certificate.event"), c.moduleTitle(), "plain"));
            rows.add(new Row("", c.cohortTitle(), "plain"));
            rows.add(new Row("", Messages.get(lang, "certificate.heldOn", Messages.date(lang, c.completedOn())), "plain"));
        } else {
            rows.add(new Row(Messages.get(lang, "certificate.module"), c.moduleTitle() + " (" + c.moduleCode() + ", "
                    + Messages.get(lang, "certificate.version", c.moduleVersion()) + ")", "plain"));
            rows.add(new Row(Messages.get(lang, "certificate.cohort"), c.cohortTitle(), "plain"));
            rows.add(new Row("", Messages.get(lang, "certificate.hours", c.hours()), "plain"));
            rows.add(new Row("", Messages.get(lang, "certificate.completed", Messages.date(lang, c.completedOn())), "plain"));
        }
        rows.add(new Row("", Messages.get(lang, "certificate.host", c.regionalSection().displayName(lang)), "plain"));
        if (!c.partners().isEmpty()) {
            rows.add(new Row("", Messages.get(lang, "certificate.partners", String.join(", ", c.partners())), "plain"));
        }
        rows.add(new Row(Messages.get(lang, "certificate.issued"),
                Messages.date(lang, c.issuedAt().atZone(ZoneOffset.UTC).toLocalDate()), "plain"));
        rows.add(new Row(Messages.get(lang, "certificate.code"), c.code(), "code"));
        model.put("rows", rows);
        return model;
    }
}
