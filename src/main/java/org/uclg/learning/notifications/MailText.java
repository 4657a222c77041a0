package org.uclg.learning.notifications;

import org.uclg.learning.shared.Messages;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A notification's subject and bodies in the recipient's language, from the message bundles
 * ({@code notification.<kind>.subject}, {@code .body}, with named arguments). The text body is the
 * greeting, the body and the signature; the HTML body is the same paragraphs, escaped, with links.
 */
final class MailText {
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+");

    record Rendered(String subject, String text, String html) {
    }

    private MailText() {
    }

    static Rendered render(NotificationKind kind, String language, String name, Map<String, Object> values) {
        String subject = Messages.named(language, "notification." + kind.key + ".subject", values);
        String body = Messages.named(language, "notification." + kind.key + ".body", values);
        String text = Messages.named(language, "notification.greeting", Map.of("name", name)) + "\n\n" + body + "\n\n"
                + Messages.named(language, "notification.signature", Map.of());
        return new Rendered(subject, text, html(language, subject, text));
    }

    static String html(String language, String subject, String text) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(language)
                .append("\"><head><meta charset=\"utf-8\"><title>").append(escape(subject)).append("</title></head>\n<body>\n");
        for (String paragraph : text.split("\n\n")) {
            html.append("<p>").append(linked(paragraph).replace("\n", "<br>\n")).append("</p>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    /** Escapes the paragraph and turns each address in it into a link. */
    private static String linked(String paragraph) {
        StringBuilder out = new StringBuilder();
        Matcher m = URL.matcher(paragraph);
        int last = 0;
        while (m.find()) {
            out.append(escape(paragraph.substring(last, m.start())));
            String url = escape(m.group());
            out.append("<a href=\"").append(url).append("\">").append(url).append("</a>");
            last = m.end();
        }
        return out.append(escape(paragraph.substring(last))).toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
