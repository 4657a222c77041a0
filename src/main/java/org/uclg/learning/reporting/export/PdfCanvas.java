package org.uclg.learning.reporting.export;

import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.uclg.learning.shared.Messages;

import java.awt.Color;
import java.io.IOException;
import java.text.NumberFormat;
import java.util.Locale;

/** One page being drawn: its fonts, colours and language, and the few drawing moves the summary needs. */
final class PdfCanvas {
    static final Color INK = new Color(0x1f, 0x2a, 0x44);
    static final Color MUTED = new Color(0x5f, 0x6b, 0x7a);
    static final Color BLUE = new Color(0x00, 0x6e, 0xb6);
    static final Color GREEN = new Color(0x2e, 0x9e, 0x6a);
    static final Color PANEL = new Color(0xee, 0xf3, 0xf8);
    static final float MARGIN = 48;

    final PDPageContentStream cs;
    final PDFont regular;
    final PDFont bold;
    final String lang;
    final Locale locale;

    PdfCanvas(PDPageContentStream cs, PDFont regular, PDFont bold, String lang) {
        this.cs = cs;
        this.regular = regular;
        this.bold = bold;
        this.lang = lang;
        this.locale = Locale.forLanguageTag(lang);
    }

    /** The summary's text {@code report.<key>} in the page's language. */
    String t(String key, Object... args) {
        return Messages.get(lang, "report." + key, args);
    }

    /** A figure as printed: a percentage for the completion rate, grouped digits for counts, "&lt;5" as is. */
    String value(String key, Object v) {
        if (v == null) {
            return "–";
        }
        if (key.equals("completionRate") && v instanceof Number n) {
            return NumberFormat.getPercentInstance(locale).format(n.doubleValue());
        }
        return v instanceof Number n ? NumberFormat.getIntegerInstance(locale).format(n.longValue()) : v.toString();
    }

    /** A bar's length: a hidden count ("&lt;5") draws nothing. */
    static long count(Object v) {
        return v instanceof Number n ? n.longValue() : 0;
    }

    void fill(Color color, float x, float y, float w, float h) throws IOException {
        cs.setNonStrokingColor(color);
        cs.addRect(x, y, w, h);
        cs.fill();
    }

    void text(PDFont font, float size, Color color, float x, float y, String s) throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.setNonStrokingColor(color);
        cs.newLineAtOffset(x, y);
        cs.showText(s);
        cs.endText();
    }
}
