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
import org.apache.pdfbox.cos.COSName;
import org.junit.jupiter.api.Test;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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

    /** A name in one script, the face it must be drawn in, and the language its tag gets in an English certificate. */
    record Script(String script, String name, String face, String lang) {
    }

    static List<Script> scripts() {
        return List.of(
                new Script("latin-vietnamese", "Nguyễn Thị Minh Khai", "DejaVuSerif-Bold", "en"),
                new Script("greek", "Ελένη Παπαδοπούλου", "DejaVuSerif-Bold", "el"),
                new Script("cyrillic", "Мария Иванова", "DejaVuSerif-Bold", "ru"),
                new Script("arabic", "محمد بن راشد", "DejaVuSans-Bold", "ar"),
                new Script("hebrew", "יעל כהן", "DejaVuSans-Bold", "he"),
                new Script("devanagari", "अनुष्का शर्मा", "NotoSansDevanagari-Bold", "hi"),
                new Script("bengali", "রবীন্দ্রনাথ ঠাকুর", "NotoSansBengali-Bold", "bn"),
                new Script("tamil", "சுப்பிரமணியன்", "NotoSansTamil-Bold", "ta"),
                new Script("thai", "สมชาย ใจดี", "NotoSansThai-Bold", "th"),
                new Script("ethiopic", "አበበ ቢቂላ", "NotoSansEthiopic-Bold", "am"),
                new Script("hangul", "김민준", "NotoSansKR-Bold", "ko"),
                new Script("japanese", "山田 さくら", "NotoSansSC-Bold", "ja"),
                new Script("chinese", "李小龙", "NotoSansSC-Bold", "zh"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void printsEveryNameInItsOwnScriptAndGivesItBackAsWritten(Script s) throws IOException {
        byte[] bytes = pdf.render(certificate(s.name(), "en", "Resilience strategies and actions"));
        assertTrue(bytes.length <= 100 * 1024, "PDF is " + bytes.length + " bytes");
        // the text layer: the name's element, in the language of its script, gives the name back as registered
        PdfText.Tagged name = PdfText.tagged(bytes).stream().filter(t -> t.actualText().equals(s.name())).findFirst()
                .orElseThrow(() -> new AssertionError("no tagged text is the name " + s.name()));
        assertEquals(s.lang(), name.lang());
        assertTrue(name.glyphs() > 0, "glyphs are drawn for the name");
        // drawn in its own script's face (not romanized, not boxes)
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            List<String> faces = new ArrayList<>();
            for (COSName f : doc.getPage(0).getResources().getFontNames()) {
                faces.add(doc.getPage(0).getResources().getFont(f).getName());
            }
            assertTrue(faces.stream().anyMatch(f -> f.matches("[A-Z]{6}\\+" + s.face())), "embedded as a subset: " + faces);
            Path png = Path.of("target", "certificate-" + s.script() + ".png");
            ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(0, 100), "png", png.toFile());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void givesBackTheNameGlyphByGlyphWhereGlyphOrderIsLetterOrder(Script s) throws IOException {
        // even a tool that ignores the tags gets the name, where glyphs are not reordered (a Devanagari reph is)
        if (!s.script().equals("devanagari")) {
            String text = PdfText.plain(pdf.render(certificate(s.name(), "en", "Resilience strategies and actions")));
            assertTrue(text.contains(s.name()), text);
        }
    }

    @Test
    void shapesConjunctsVowelSignsAndJoiningIntoGlyphsNoSingleLetterHas() throws IOException {
        // the layout replaces letters by conjuncts, ligatures and contextual forms: glyphs the cmap gives no letter
        for (String name : List.of("अनुष्का शर्मा", "রবীন্দ্রনাথ ঠাকুর", "சுப்பிரமணியன்", "محمد بن راشد")) {
            ScriptText.Line line = ScriptText.shape(name, Face.SERIF_BOLD);
            Set<Integer> letters = new HashSet<>();
            Face face = line.runs().get(0).face();
            name.codePoints().forEach(cp -> {
                try {
                    letters.add(face.trueType().getUnicodeCmapLookup().getGlyphId(cp));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            Set<Integer> drawn = new HashSet<>();
            line.runs().forEach(r -> Arrays.stream(r.glyphs()).forEach(drawn::add));
            drawn.removeAll(letters);
            assertFalse(drawn.isEmpty(), name + " is drawn letter by letter, unshaped");
        }
        // right to left: the first letter of an Arabic or Hebrew name is drawn rightmost
        for (String name : List.of("محمد", "יעל")) {
            ScriptText.Run run = ScriptText.shape(name, Face.SERIF_BOLD).runs().get(0);
            int first = run.face().trueType().getUnicodeCmapLookup().getGlyphId(name.codePointAt(0));
            int last = run.glyphs()[run.glyphs().length - 1];
            assertTrue(name.startsWith("י") ? last == first : last != run.glyphs()[0], name);
        }
    }

    @Test
    void romanizesOnlyAScriptNoBundledFaceHas() throws IOException {
        // Kannada is in none of the bundled faces: printed romanized rather than as blank boxes
        byte[] bytes = pdf.render(certificate("ಕುಮಾರ", "en", "Resilience strategies and actions"));
        PdfText.Tagged name = PdfText.tagged(bytes).stream().filter(t -> t.glyphText().startsWith("Ku")).findFirst().orElseThrow();
        assertEquals("Kumāra", name.glyphText());
        assertEquals("Kumāra", name.actualText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void isAnArchivalPdfA3bThatVeraPdfAccepts(Script s) throws Exception {
        byte[] bytes = pdf.render(certificate(s.name(), "fr", "Stratégies et actions de résilience"), "eyJhbGciOiJFZERTQSJ9.e30.c2ln");
        VeraGreenfieldFoundryProvider.initialise();
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(bytes), PDFAFlavour.PDFA_3_B);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_3_B, false)) {
            assertEquals(PDFAFlavour.PDFA_3_B, parser.getFlavour(), "the XMP declares PDF/A-3b");
            ValidationResult result = validator.validate(parser);
            String failed = result.getTestAssertions().stream().filter(t -> t.getStatus() != TestAssertion.Status.PASSED)
                    .map(t -> t.getRuleId().getClause() + "-" + t.getRuleId().getTestNumber() + " " + t.getMessage())
                    .distinct().collect(java.util.stream.Collectors.joining("\n"));
            assertTrue(result.isCompliant(), failed);
            assertTrue(result.getTotalAssertions() > 1000, "veraPDF checked the rules: " + result.getTotalAssertions());
        }
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            var xmp = new org.apache.xmpbox.xml.DomXmpParser().parse(doc.getDocumentCatalog().getMetadata().toByteArray());
            assertEquals(3, xmp.getPDFAIdentificationSchema().getPart());
            assertEquals("B", xmp.getPDFAIdentificationSchema().getConformance());
            assertEquals(doc.getDocumentInformation().getTitle(), xmp.getDublinCoreSchema().getTitle());
            assertEquals("Certificat de réussite RES-1 7KQ4-M2XD-9HRT-WP3C", xmp.getDublinCoreSchema().getTitle());
            assertEquals(doc.getDocumentInformation().getCreationDate().toInstant(), xmp.getXMPBasicSchema().getCreateDate().toInstant());
            assertEquals("fr", doc.getDocumentCatalog().getLanguage());
        }
    }

    @Test
    void carriesTheSignedCredentialAsAnAssociatedFile() throws IOException {
        String jwt = "eyJhbGciOiJFZERTQSIsInR5cCI6InZjK2p3dCJ9.eyJuYW1lIjoiQW5hIn0.c2lnbmF0dXJl";
        var c = certificate("Ana María Núñez", "es", "Localizar los ODS: una introducción");
        byte[] bytes = pdf.render(c, jwt);
        assertEquals(jwt, PdfText.credential(bytes));
        assertArrayEquals(bytes, pdf.render(c, jwt), "the same record and credential, the same bytes");
        assertEquals(null, PdfText.credential(pdf.render(c)));
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
