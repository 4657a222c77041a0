package org.uclg.learning.reporting.export;

import java.io.IOException;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import static org.uclg.learning.reporting.export.PdfCanvas.BLUE;
import static org.uclg.learning.reporting.export.PdfCanvas.GREEN;
import static org.uclg.learning.reporting.export.PdfCanvas.INK;
import static org.uclg.learning.reporting.export.PdfCanvas.MARGIN;
import static org.uclg.learning.reporting.export.PdfCanvas.MUTED;
import static org.uclg.learning.reporting.export.PdfCanvas.count;

/** The two bar charts of the reach summary, drawn as vectors: completions by module, and the monthly trend. */
final class ReachCharts {
    private ReachCharts() {
    }

    /** Horizontal bars of completions per module; returns where the chart ends. */
    static float byModule(PdfCanvas p, float top, float width, List<Map<String, Object>> rows) throws IOException {
        p.text(p.bold, 13, INK, MARGIN, top - 13, p.t("byModule"));
        float y = top - 30;
        if (rows.isEmpty()) {
            p.text(p.regular, 10, MUTED, MARGIN, y - 12, p.t("none"));
            return y - 20;
        }
        long max = Math.max(1, rows.stream().mapToLong(r -> count(r.get("completed"))).max().orElse(1));
        float labelW = 60;
        float barMax = width - labelW - 70;
        float barH = 14;
        for (Map<String, Object> r : rows) {
            p.text(p.regular, 10, INK, MARGIN, y - 11, String.valueOf(r.get("key")));
            long n = count(r.get("completed"));
            float len = barMax * n / max;
            if (len > 0) {
                p.fill(GREEN, MARGIN + labelW, y - barH, Math.max(1, len), barH);
            }
            p.text(p.regular, 10, INK, MARGIN + labelW + len + 6, y - 11, p.value("completed", r.get("completed")));
            y -= barH + 6;
        }
        return y;
    }

    /** Pairs of vertical bars (enrolled, completed) per month, with a legend. */
    static void trend(PdfCanvas p, float top, float width, List<Map<String, Object>> months) throws IOException {
        p.text(p.bold, 13, INK, MARGIN, top - 13, p.t("trend"));
        p.fill(BLUE, MARGIN + width - 150, top - 12, 9, 9);
        p.text(p.regular, 9, INK, MARGIN + width - 137, top - 11, p.t("legendEnrolled"));
        p.fill(GREEN, MARGIN + width - 70, top - 12, 9, 9);
        p.text(p.regular, 9, INK, MARGIN + width - 57, top - 11, p.t("legendCompleted"));
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
        p.cs.setStrokingColor(MUTED);
        p.cs.setLineWidth(0.5f);
        p.cs.moveTo(MARGIN, chartBottom);
        p.cs.lineTo(MARGIN + width, chartBottom);
        p.cs.stroke();
        p.text(p.regular, 8, MUTED, MARGIN, chartTop + 2, NumberFormat.getIntegerInstance(p.locale).format(max));
        float slot = width / months.size();
        float bar = Math.min(14, slot * 0.38f);
        int labelEvery = months.size() > 18 ? 3 : months.size() > 12 ? 2 : 1;
        DateTimeFormatter monthName = DateTimeFormatter.ofPattern("MMM yy", p.locale);
        for (int i = 0; i < months.size(); i++) {
            Map<String, Object> m = months.get(i);
            float x = MARGIN + i * slot + (slot - 2 * bar) / 2;
            float he = chartH * count(m.get("enrolled")) / max;
            float hc = chartH * count(m.get("completed")) / max;
            if (he > 0) {
                p.fill(BLUE, x, chartBottom, bar, he);
            }
            if (hc > 0) {
                p.fill(GREEN, x + bar, chartBottom, bar, hc);
            }
            if (i % labelEvery == 0) {
                LocalDate month = LocalDate.parse(m.get("month") + "-01");
                p.text(p.regular, 7, MUTED, MARGIN + i * slot + 1, chartBottom - 11, monthName.format(month));
            }
        }
    }
}
