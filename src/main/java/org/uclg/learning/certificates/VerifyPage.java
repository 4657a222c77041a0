package org.uclg.learning.certificates;

import io.micronaut.core.annotation.Nullable;

/** The public verification page: what a mayor's office sees after scanning the QR code, on any phone. */
final class VerifyPage {
    private VerifyPage() {
    }

    static String render(@Nullable CertificateResponse c, String lang, String typedCode) {
        StringBuilder body = new StringBuilder();
        if (c == null) {
            body.append("<p class=\"status NOTFOUND\">").append(esc(Texts.get(lang, "notFound"))).append("</p>")
                    .append("<p class=\"code\">").append(esc(typedCode)).append("</p>");
        } else {
            body.append("<p class=\"status ").append(c.status()).append("\">").append(esc(Texts.get(lang, c.status().name()))).append("</p>");
            if (c.revokedAt() != null) {
                body.append("<p class=\"note\">").append(esc(Texts.get(lang, "revokedBecause",
                        Texts.date(lang, c.revokedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate()), c.revokedReason()))).append("</p>");
            }
            if (c.supersededByUrl() != null) {
                body.append("<p class=\"note\">").append(esc(Texts.get(lang, "supersededBy"))).append(" <a href=\"")
                        .append(esc(c.supersededByUrl())).append("\">").append(esc(c.supersededByCode())).append("</a></p>");
            }
            body.append("<h2>").append(esc(Texts.get(lang, c.kind().name()))).append("</h2><dl>");
            row(body, Texts.get(lang, "name"), "<bdi class=\"name\">" + esc(c.printedName()) + "</bdi>");
            row(body, Texts.get(lang, "module"), esc(c.moduleTitle() + " (" + c.moduleCode() + ", " + Texts.get(lang, "version", c.moduleVersion()) + ")"));
            row(body, Texts.get(lang, "cohort"), esc(c.cohortTitle()));
            row(body, "", esc(Texts.get(lang, "hours", c.hours())));
            row(body, "", esc(Texts.get(lang, "completed", Texts.date(lang, c.completedOn()))));
            row(body, "", esc(Texts.get(lang, "host", c.regionalSection().displayName(lang))));
            if (!c.partners().isEmpty()) {
                row(body, "", esc(Texts.get(lang, "partners", String.join(", ", c.partners()))));
            }
            row(body, Texts.get(lang, "issued"), esc(Texts.date(lang, c.issuedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate())));
            row(body, Texts.get(lang, "code"), "<span class=\"code\">" + esc(c.code()) + "</span>");
            body.append("</dl>");
        }
        return """
                <!DOCTYPE html>
                <html lang="%s"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="robots" content="noindex">
                <title>%s · #LearningWithUCLG</title>
                <style>
                body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;background:#f3f5f8;color:#1f2a44}
                main{max-width:36rem;margin:0 auto;padding:1.25rem}
                header{color:#006ba6;font-size:.9rem;margin-bottom:.75rem}
                .card{background:#fff;border-radius:12px;padding:1.25rem;box-shadow:0 1px 4px rgba(0,0,0,.08)}
                h1{font-size:1.15rem;margin:.2rem 0 1rem}
                h2{font-size:1.05rem;margin:1rem 0 .5rem}
                .status{font-size:1.4rem;font-weight:700;padding:.6rem .9rem;border-radius:8px;margin:0}
                .VALID{background:#e3f4e8;color:#17603a}.REVOKED{background:#fde8e8;color:#9b1c1c}
                .SUPERSEDED{background:#fff4d6;color:#7a5300}.NOTFOUND{background:#eef0f4;color:#1f2a44;font-size:1.05rem}
                .note{margin:.6rem 0}
                dl{margin:0}dt{font-size:.8rem;color:#555f6d;margin-top:.7rem}dd{margin:.1rem 0 0;font-size:1rem}
                .name{font-size:1.3rem;font-weight:700}.code{font-family:ui-monospace,monospace;letter-spacing:.05em}
                </style></head>
                <body><main><header>#LearningWithUCLG · United Cities and Local Governments</header>
                <div class="card"><h1>%s</h1>%s</div></main></body></html>
                """.formatted(lang, esc(Texts.get(lang, "pageTitle")), esc(Texts.get(lang, "pageTitle")), body);
    }

    private static void row(StringBuilder body, String label, String valueHtml) {
        if (!label.isEmpty()) {
            body.append("<dt>").append(esc(label)).append("</dt>");
        }
        body.append("<dd>").append(valueHtml).append("</dd>");
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
