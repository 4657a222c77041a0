package org.uclg.learning.reporting;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.uclg.learning.reporting.export.ReachCsv;
import org.uclg.learning.support.Api;
import org.uclg.learning.support.IntegrationBase;

import javax.imageio.ImageIO;
import javax.sql.DataSource;
import java.awt.image.BufferedImage;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@SuppressWarnings("unchecked")
class ReachExportsIT extends IntegrationBase {
    @Inject
    DataSource dataSource;

    private ReachWorld world(int year) {
        ReachWorld w = new ReachWorld(dataSource, year, UUID.fromString(fx.trainer("reach-a1").id()));
        assertEquals(200, api.post("/api/v1/reports/refresh", Map.of(), fx.admin()).status());
        return w;
    }

    @Test
    void csvIsUtf8WithBomAndTheDocumentedColumnsAndTheSameFiguresAsTheJson() throws Exception {
        ReachWorld w = world(2015);
        String q = "?from=" + w.from() + "&to=" + w.to();
        Api.Bytes csv = csv("/api/v1/reports/reach" + q);
        assertEquals(200, csv.status());
        assertTrue(csv.header("Content-Type").startsWith("text/csv"), csv.header("Content-Type"));
        assertTrue(csv.header("Content-Disposition").contains("reach-all-" + w.from()));
        byte[] bytes = csv.body();
        assertEquals(0xEF, bytes[0] & 0xFF);
        assertEquals(0xBB, bytes[1] & 0xFF);
        assertEquals(0xBF, bytes[2] & 0xFF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        assertEquals(String.join(",", ReachCsv.REACH_COLUMNS), lines.get(0));
        Map<String, Object> total = (Map<String, Object>) api.get("/api/v1/reports/reach" + q, fx.admin()).json().get("total");
        String[] totalRow = lines.get(1).split(",", -1);
        assertEquals("total", totalRow[0]);
        assertEquals(String.valueOf(total.get("enrolled")), totalRow[2]);
        assertEquals(String.valueOf(total.get("active")), totalRow[3]);
        assertEquals(String.valueOf(total.get("completed")), totalRow[4]);
        assertEquals(String.valueOf(total.get("cascadeReach")), totalRow[8]);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("regional_section,EUROPE,")));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("gender,not stated,<5,")));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("cascade_generation,2,")));
        assertFalse(text.contains(w.tag));

        Api.Bytes trend = csv("/api/v1/reports/trend" + q);
        List<String> months = new String(trend.body(), StandardCharsets.UTF_8).lines().toList();
        assertEquals("\uFEFFmonth,enrolled,active,completed,certificates", months.get(0));
        assertEquals(13, months.size());
        Api.Bytes funnel = csv("/api/v1/reports/funnel" + q + "&module=SDG-1");
        List<String> steps = new String(funnel.body(), StandardCharsets.UTF_8).lines().toList();
        assertEquals("\uFEFFposition,key,kind,title,required,started,completed", steps.get(0));
        assertTrue(steps.get(1).contains("pre-assessment"));
    }

    private Api.Bytes csv(String path) throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        var request = java.net.http.HttpRequest.newBuilder(api.baseUri().resolve(path))
                .header("Authorization", "Bearer " + fx.admin()).header("Accept", "text/csv").GET().build();
        var r = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        return new Api.Bytes(r.statusCode(), r.headers(), r.body());
    }

    @Test
    void thePdfSummaryReadsAsAUserSeesItInEachLanguage() throws Exception {
        ReachWorld w = world(2016);
        String q = "?regionalSection=AFRICA&from=" + w.from() + "&to=" + w.to();
        Map<String, Object> json = api.get("/api/v1/reports/reach" + q, fx.admin()).json();
        Map<String, Object> total = (Map<String, Object>) json.get("total");
        Map<String, List<String>> expected = Map.of(
                "en", List.of("Training reach", "UCLG Africa", "Learners enrolled", "Completions by module", "Monthly trend", "Cascade reach"),
                "es", List.of("Alcance de la formación", "CGLU África", "Participantes inscritos", "Finalizaciones por módulo", "Evolución mensual"),
                "fr", List.of("Portée des formations", "CGLU Afrique", "Apprenants inscrits", "Achèvements par module", "Évolution mensuelle"));
        for (var lang : expected.entrySet()) {
            Api.Bytes pdf = api.getBytes("/api/v1/reports/reach.pdf" + q + "&lang=" + lang.getKey(), fx.admin());
            assertEquals(200, pdf.status());
            assertEquals("application/pdf", pdf.header("Content-Type"));
            try (PDDocument doc = Loader.loadPDF(pdf.body())) {
                assertEquals(1, doc.getNumberOfPages());
                String text = new PDFTextStripper().getText(doc);
                for (String s : lang.getValue()) {
                    assertTrue(text.contains(s), lang.getKey() + ": " + s + " not in\n" + text);
                }
                assertTrue(text.contains(String.valueOf(total.get("enrolled"))), text);
                assertTrue(text.contains("SDG-1") && text.contains("RES-1"), text);
                assertTrue(text.contains("<5"), "a hidden count prints as <5");
                assertFalse(text.contains(w.tag));
                BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 110);
                Path png = Path.of("target", "reach-summary-" + lang.getKey() + ".png");
                Files.createDirectories(png.getParent());
                ImageIO.write(image, "png", png.toFile());
                assertTrue(Files.size(png) > 10_000);
            }
        }
        // the language follows Accept-Language when there is no ?lang=
        var client = java.net.http.HttpClient.newHttpClient();
        var r = client.send(java.net.http.HttpRequest.newBuilder(api.baseUri().resolve("/api/v1/reports/reach.pdf" + q))
                .header("Authorization", "Bearer " + fx.admin()).header("Accept-Language", "es-AR,es;q=0.9").GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        try (PDDocument doc = Loader.loadPDF(r.body())) {
            assertTrue(new PDFTextStripper().getText(doc).contains("Alcance de la formación"));
        }
    }
}
