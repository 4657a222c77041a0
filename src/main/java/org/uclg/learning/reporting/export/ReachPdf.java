package org.uclg.learning.reporting.export;

import io.micronaut.core.annotation.Nullable;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.uclg.learning.people.RegionalSection;
import org.uclg.learning.shared.Messages;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

import static org.uclg.learning.reporting.export.PdfCanvas.BLUE;
import static org.uclg.learning.reporting.export.PdfCanvas.INK;
import static org.uclg.learning.reporting.export.PdfCanvas.MARGIN;
import static org.uclg.learning.reporting.export.PdfCanvas.MUTED;
import static org.uclg.learning.reporting.export.PdfCanvas.PANEL;

/**
 * The one-page summary a regional section sends to its funders: headline figures and two bar
 * charts ({@link ReachCharts}), drawn as vectors with PDFBox in DejaVu Sans from the build's
 * dependencies, with the texts of {@code report.*} in the message bundles. Counts under the privacy
 * threshold print as "&lt;5" and draw no bar.
 */
public final class ReachPdf {
    private static final String FONTS = "net/sf/jasperreports/fonts/dejavu/";
    private static final byte[] SANS = resource(FONTS + "DejaVuSans.ttf");
    private static final byte[] SANS_BOLD = resource(FONTS + "DejaVuSans-Bold.ttf");
    private static final String[] HEADLINE = {"enrolled", "active", "completed", "completionRate", "certificates",
            "certifiedTrainers", "cascadeReach", "countries"};

    /** What the page shows: the section's name, the report (JSON map, privacy applied) and its trend. */
    public record Content(String lang, String sectionName, LocalDate from, LocalDate to, Instant asOf, Map<String, Object> figures,
                          List<Map<String, Object>> byModule, List<Map<String, Object>> months, int threshold) {

        /**
         * The page of a reach report and its trend: named for the regional section asked for, or the
         * only one the caller sees, or all of them.
         */
        @SuppressWarnings("unchecked")
        public static Content of(String lang, @Nullable RegionalSection asked, LocalDate from, LocalDate to,
                                 Map<String, Object> reach, Map<String, Object> trend, int threshold) {
            List<Map<String, Object>> sections = list(reach.get("regionalSections"));
            String name = asked != null ? asked.displayName(lang)
                    : sections.size() == 1 ? RegionalSection.valueOf((String) sections.get(0).get("regionalSection")).displayName(lang)
                    : Messages.get(lang, "report.all");
            Map<String, List<Map<String, Object>>> breakdowns = (Map<String, List<Map<String, Object>>>) reach.get("breakdowns");
            return new Content(lang, name, from, to, (Instant) reach.get("asOf"), (Map<String, Object>) reach.get("total"),
                    breakdowns.get("module"), list(trend.get("months")), threshold);
        }
    }

    private ReachPdf() {
    }

    public static byte[] render(Content content) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDFont regular = PDType0Font.load(doc, new ByteArrayInputStream(SANS), true);
            PDFont bold = PDType0Font.load(doc, new ByteArrayInputStream(SANS_BOLD), true);
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(Messages.get(content.lang(), "report.title") + " – " + content.sectionName());
            info.setCreator("#LearningWithUCLG");
            Calendar created = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
            created.setTimeInMillis(content.asOf() == null ? 0 : content.asOf().toEpochMilli());
            info.setCreationDate(created);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                draw(new PdfCanvas(cs, regular, bold, content.lang()), content, page.getMediaBox());
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void draw(PdfCanvas p, Content c, PDRectangle box) throws IOException {
        float width = box.getWidth() - 2 * MARGIN;
        float y = box.getHeight() - MARGIN;
        p.fill(BLUE, MARGIN, y - 4, 60, 4);
        y -= 30;
        p.text(p.bold, 22, INK, MARGIN, y, p.t("title"));
        y -= 24;
        p.text(p.bold, 14, BLUE, MARGIN, y, c.sectionName());
        y -= 20;
        p.text(p.regular, 10, MUTED, MARGIN, y, p.t("period", Messages.date(c.lang(), c.from()), Messages.date(c.lang(), c.to()))
                + (c.asOf() == null ? "" : "   ·   " + p.t("asOf", Messages.date(c.lang(), c.asOf().atZone(ZoneOffset.UTC).toLocalDate()))));
        y -= 24;
        y = headline(p, c, y, width);
        y -= 26;
        y = ReachCharts.byModule(p, y, width, c.byModule());
        y -= 26;
        ReachCharts.trend(p, y, width, c.months());
        p.text(p.regular, 7.5f, MUTED, MARGIN, MARGIN + 12, p.t("cascadeNote"));
        p.text(p.regular, 7.5f, MUTED, MARGIN, MARGIN, p.t("privacy", c.threshold(), "<" + c.threshold()) + "   #LearningWithUCLG");
    }

    /** Two rows of four panels, each a figure over its label. */
    private static float headline(PdfCanvas p, Content c, float top, float width) throws IOException {
        int perRow = 4;
        float gap = 10;
        float w = (width - gap * (perRow - 1)) / perRow;
        float h = 58;
        for (int i = 0; i < HEADLINE.length; i++) {
            float x = MARGIN + (i % perRow) * (w + gap);
            float y = top - (i / perRow) * (h + gap) - h;
            p.fill(PANEL, x, y, w, h);
            p.text(p.bold, 20, INK, x + 10, y + 26, p.value(HEADLINE[i], c.figures().get(HEADLINE[i])));
            p.text(p.regular, 8.5f, MUTED, x + 8, y + 10, p.t(HEADLINE[i]));
        }
        return top - 2 * h - gap;
    }

    private static List<Map<String, Object>> list(Object o) {
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
