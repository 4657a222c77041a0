package org.uclg.learning.reporting;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDFont;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * The one-page summary a regional section sends to its funders: headline figures and two bar
 * charts (completions by module, the monthly trend), drawn as vectors with PDFBox in DejaVu Sans
 * from the build's dependencies. Counts under the privacy threshold print as "&lt;5" and draw no bar.
 */
final class ReachPdf {
    private static final String FONTS = "net/sf/jasperreports/fonts/dejavu/";
    private static final byte[] SANS = resource(FONTS + "DejaVuSans.ttf");
    private static final byte[] SANS_BOLD = resource(FONTS + "DejaVuSans-Bold.ttf");
    private static final Color INK = new Color(0x1f, 0x2a, 0x44);
    private static final Color MUTED = new Color(0x5f, 0x6b, 0x7a);
    private static final Color BLUE = new Color(0x00, 0x6e, 0xb6);
    private static final Color GREEN = new Color(0x2e, 0x9e, 0x6a);
    private static final Color PANEL = new Color(0xee, 0xf3, 0xf8);
    private static final float MARGIN = 48;

    /** What the page shows: the section's name, the report (JSON map, privacy applied) and its trend. */
    record Content(String lang, String sectionName, LocalDate from, LocalDate to, Instant asOf, Map<String, Object> figures,
                   List<Map<String, Object>> byModule, List<Map<String, Object>> months, int threshold) {
    }

    private ReachPdf() {
    }

    static byte[] render(Content content) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDFont regular = PDType0Font.load(doc, new ByteArrayInputStream(SANS), true);
            PDFont bold = PDType0Font.load(doc, new ByteArrayInputStream(SANS_BOLD), true);
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(PdfTexts.text(content.lang(), "title") + " – " + content.sectionName());
            info.setCreator("#LearningWithUCLG");
            Calendar created = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
            created.setTimeInMillis(content.asOf() == null ? 0 : content.asOf().toEpochMilli());
            info.setCreationDate(created);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                new Drawer(cs, regular, bold, content).draw(page.getMediaBox());
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Drawer {
        private final PDPageContentStream cs;
        private final PDFont regular;
        private final PDFont bold;
        private final Content c;
        private final Locale locale;

        Drawer(PDPageContentStream cs, PDFont regular, PDFont bold, Content c) {
            this.cs = cs;
            this.regular = regular;
            this.bold = bold;
            this.c = c;
            this.locale = Locale.forLanguageTag(c.lang());
        }

        String t(String key) {
            return PdfTexts.text(c.lang(), key);
        }

        void draw(PDRectangle box) throws IOException {
            float width = box.getWidth() - 2 * MARGIN;
            float y = box.getHeight() - MARGIN;
            fill(BLUE, MARGIN, y - 4, 60, 4);
            y -= 30;
            text(bold, 22, INK, MARGIN, y, t("title"));
            y -= 24;
            text(bold, 14, BLUE, MARGIN, y, c.sectionName());
            y -= 20;
            DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
            text(regular, 10, MUTED, MARGIN, y, t("period") + " " + dates.format(c.from()) + " – " + dates.format(c.to())
                    + (c.asOf() == null ? "" : "   ·   " + t("asOf") + " " + dates.format(c.asOf().atZone(ZoneOffset.UTC).toLocalDate())));
            y -= 24;
            y = headline(y, width);
            y -= 26;
            y = byModule(y, width);
            y -= 26;
            trend(y, width);
            text(regular, 7.5f, MUTED, MARGIN, MARGIN + 12, t("cascadeNote"));
            text(regular, 7.5f, MUTED, MARGIN, MARGIN, String.format(locale, t("privacy"), c.threshold(), "<" + c.threshold())
                    + "   #LearningWithUCLG");
        }

        float headline(float top, float width) throws IOException {
            String[] keys = {"enrolled", "active", "completed", "completionRate", "certificates", "certifiedTrainers",
                    "cascadeReach", "countries"};
            int perRow = 4;
            float gap = 10;
            float w = (width - gap * (perRow - 1)) / perRow;
            float h = 58;
            for (int i = 0; i < keys.length; i++) {
                float x = MARGIN + (i % perRow) * (w + gap);
                float y = top - (i / perRow) * (h + gap) - h;
                fill(PANEL, x, y, w, h);
                text(bold, 20, INK, x + 10, y + 26, value(keys[i], c.figures().get(keys[i])));
                text(regular, 8.5f, MUTED, x + 8, y + 10, t(keys[i]));
            }
            return top - 2 * h - gap;
        }

        String value(String key, Object v) {
            if (v == null) {
                return "–";
            }
            if (key.equals("completionRate") && v instanceof Number n) {
                return NumberFormat.getPercentInstance(locale).format(n.doubleValue());
            }
            return v instanceof Number n ? NumberFormat.getIntegerInstance(locale).format(n.longValue()) : v.toString();
        }

        float byModule(float top, float width) throws IOException {
            text(bold, 13, INK, MARGIN, top - 13, t("byModule"));
            float y = top - 30;
            List<Map<String, Object>> rows = c.byModule();
            if (rows.isEmpty()) {
                text(regular, 10, MUTED, MARGIN, y - 12, t("none"));
                return y - 20;
            }
            long max = Math.max(1, rows.stream().mapToLong(r -> count(r.get("completed"))).max().orElse(1));
            float labelW = 60;
            float barMax = width - labelW - 70;
            float barH = 14;
            for (Map<String, Object> r : rows) {
                text(regular, 10, INK, MARGIN, y - 11, String.valueOf(r.get("key")));
                long n = count(r.get("completed"));
                float len = barMax * n / max;
                if (len > 0) {
                    fill(GREEN, MARGIN + labelW, y - barH, Math.max(1, len), barH);
                }
                text(regular, 10, INK, MARGIN + labelW + len + 6, y - 11, value("completed", r.get("completed")));
                y -= barH + 6;
            }
            return y;
        }

        void trend(float top, float width) throws IOException {
            text(bold, 13, INK, MARGIN, top - 13, t("trend"));
            fill(BLUE, MARGIN + width - 150, top - 12, 9, 9);
            text(regular, 9, INK, MARGIN + width - 137, top - 11, t("legendEnrolled"));
            fill(GREEN, MARGIN + width - 70, top - 12, 9, 9);
            text(regular, 9, INK, MARGIN + width - 57, top - 11, t("legendCompleted"));
            List<Map<String, Object>> months = c.months();
            float chartTop = top - 34;
            float chartBottom = Math.max(MARGIN + 60, chartTop - 260);
            float chartH = chartTop - chartBottom;
            if (months.isEmpty() || chartH < 40) {
                return;
            }
            long max = 1;
            for (Map<String, Object> m : months) {
                max = Math.max(max, Math.max(count(m.get("enrolled")), count(m.get("completed"))));
            }
            cs.setStrokingColor(MUTED);
            cs.setLineWidth(0.5f);
            cs.moveTo(MARGIN, chartBottom);
            cs.lineTo(MARGIN + width, chartBottom);
            cs.stroke();
            text(regular, 8, MUTED, MARGIN, chartTop + 2, NumberFormat.getIntegerInstance(locale).format(max));
            float slot = width / months.size();
            float bar = Math.min(14, slot * 0.38f);
            int labelEvery = months.size() > 18 ? 3 : months.size() > 12 ? 2 : 1;
            DateTimeFormatter monthName = DateTimeFormatter.ofPattern("MMM yy", locale);
            for (int i = 0; i < months.size(); i++) {
                Map<String, Object> m = months.get(i);
                float x = MARGIN + i * slot + (slot - 2 * bar) / 2;
                float he = chartH * count(m.get("enrolled")) / max;
                float hc = chartH * count(m.get("completed")) / max;
                if (he > 0) {
                    fill(BLUE, x, chartBottom, bar, he);
                }
                if (hc > 0) {
                    fill(GREEN, x + bar, chartBottom, bar, hc);
                }
                if (i % labelEvery == 0) {
                    LocalDate month = LocalDate.parse(m.get("month") + "-01");
                    text(regular, 7, MUTED, MARGIN + i * slot + 1, chartBottom - 11, monthName.format(month));
                }
            }
        }

        /** A bar's length: a hidden count ("<5") draws nothing. */
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

    static List<Map<String, Object>> list(Object o) {
        List<Map<String, Object>> rows = new ArrayList<>();
        if (o instanceof List<?> l) {
            for (Object x : l) {
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) x;
                rows.add(m);
            }
        }
        return rows;
    }

    private static byte[] resource(String path) {
        try (InputStream in = ReachPdf.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("font missing from the classpath: " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
