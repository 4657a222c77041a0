package org.uclg.learning.certificates.pdf;

import org.uclg.learning.certificates.CertificateKind;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CertificatePdfTest {
    private final CertificatePdf pdf = new CertificatePdf();

    static PrintedCertificate certificate(String name, String lang, String moduleTitle) {
        return new PrintedCertificate("7KQ4M2XD9HRTWP3C", CertificateKind.MODULE_COMPLETION, name, "RES-1", 1, moduleTitle,
                "Resilience I – Dakar 2027", lang, 6, LocalDate.of(2027, 3, 14), "UCLG Africa", List.of("UN-Habitat", "UNDRR"),
                Instant.parse("2027-03-14T10:15:30Z"), "https://learning.uclg.org/verify/7KQ4-M2XD-9HRT-WP3C");
    }

    private static String text(byte[] bytes) throws IOException {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void printsNameModuleAndFixedTextInEachLanguage() throws IOException {
        var cases = List.of(
                certificate("Łukasz Żółć-Brzęczyszczykiewicz", "en", "Fundamentals of resilient governance and development"),
                certificate("Ελένη Παπαδοπούλου", "es", "Fundamentos de la gobernanza y el desarrollo resilientes"),
                certificate("Мария Иванова", "fr", "Fondamentaux de la gouvernance et du développement résilients"));
        List<String> fixed = List.of("CERTIFICATE OF COMPLETION", "CERTIFICADO DE FINALIZACIÓN", "CERTIFICAT DE RÉUSSITE");
        for (int i = 0; i < cases.size(); i++) {
            byte[] bytes = pdf.render(cases.get(i));
            String text = text(bytes);
            assertTrue(text.contains(cases.get(i).printedName()), text);
            assertTrue(text.contains(cases.get(i).moduleTitle()), text);
            assertTrue(text.contains(fixed.get(i)), text);
            assertTrue(text.contains("7KQ4-M2XD-9HRT-WP3C"), text);
            assertTrue(bytes.length <= 100 * 1024, "PDF is " + bytes.length + " bytes");
        }
        assertTrue(text(pdf.render(cases.get(2))).contains("14 mars 2027"));
    }

    @Test
    void shapesArabicRightToLeft() throws IOException {
        String name = "محمد بن راشد";
        byte[] bytes = pdf.render(certificate(name, "fr", "Stratégies et actions de résilience"));
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(0, 100), "png", Path.of("target", "certificate-arabic.png").toFile());
        }
        String text = text(bytes);
        // PDFTextStripper gives the logical order back from the shaped, visually ordered glyphs
        String normalized = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC);
        assertTrue(normalized.contains(name) || normalized.contains(new StringBuilder(name).reverse().toString()), normalized);
        assertFalse(text.contains("?"));
    }

    @Test
    void printsChineseAndJapaneseNamesInNotoSansSc() throws IOException {
        for (String name : List.of("李小龙", "王秀英", "山田 さくら")) {
            byte[] bytes = pdf.render(certificate(name, "en", "Resilience strategies and actions"));
            assertTrue(text(bytes).contains(name), name);
            assertTrue(bytes.length <= 100 * 1024, "PDF is " + bytes.length + " bytes");
        }
        byte[] bytes = pdf.render(certificate("李小龙", "en", "Resilience strategies and actions"));
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(0, 100), "png", Path.of("target", "certificate-chinese.png").toFile());
        }
    }

    @Test
    void romanizesANameNoEmbeddedFontCanDraw() throws IOException {
        // Hangul is in none of the embedded fonts: printed romanized rather than as blank boxes
        String text = text(pdf.render(certificate("김민준", "en", "Resilience strategies and actions")));
        assertTrue(text.contains("Gimminjun"), text);
    }

    @Test
    void theSameRecordRendersTheSameBytes() {
        var c = certificate("Ana María Núñez", "es", "Localizar los ODS: una introducción");
        assertArrayEquals(pdf.render(c), pdf.render(c));
    }

    @Test
    void aVeryLongNameShrinksToFitAndStaysOnThePage() throws IOException {
        String name = "Maria da Conceição Aparecida dos Santos Figueiredo de Albuquerque e Vasconcelos Cavalcanti";
        byte[] bytes = pdf.render(certificate(name, "en", "Fundamentals of resilient governance and development"));
        assertTrue(text(bytes).contains(name));
    }

    @Test
    void theQrCodeOpensTheVerificationPage() throws Exception {
        var c = certificate("Fatou Ndiaye", "fr", "Localiser les ODD : une introduction");
        byte[] bytes = pdf.render(c);
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 150);
            Path out = Path.of("target", "certificate-sample.png");
            Files.createDirectories(out.getParent());
            ImageIO.write(page, "png", out.toFile());
            var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page)));
            assertEquals(c.verifyUrl(), new QRCodeReader().decode(bitmap).getText());
        }
    }
}
