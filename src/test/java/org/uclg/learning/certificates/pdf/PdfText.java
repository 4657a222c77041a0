package org.uclg.learning.certificates.pdf;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reading a certificate PDF back with PDFBox, as a copy, a search or a screen reader would. */
public final class PdfText {
    /** One tagged text: its structure element's role and language, the text as written, and the glyphs drawn for it. */
    public record Tagged(String role, String lang, String actualText, String glyphText, int glyphs) {
    }

    private PdfText() {
    }

    /** The plain text layer, glyph by glyph (what a tool that ignores tags gets). */
    public static String plain(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    /**
     * The tagged text layer: each element of the structure tree with its language and ActualText,
     * and the marked content of the page it points to (by MCID), read with PDFBox's marked-content
     * extractor: its own ActualText and the glyphs inside it.
     */
    public static List<Tagged> tagged(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFMarkedContentExtractor extractor = new PDFMarkedContentExtractor();
            extractor.processPage(doc.getPage(0));
            List<PDMarkedContent> marked = extractor.getMarkedContents();
            PDStructureElement document = (PDStructureElement) doc.getDocumentCatalog().getStructureTreeRoot().getKids().get(0);
            List<Tagged> out = new ArrayList<>();
            for (Object kid : document.getKids()) {
                PDStructureElement e = (PDStructureElement) kid;
                int mcid = (Integer) e.getKids().get(0);
                PDMarkedContent content = marked.stream().filter(m -> m.getMCID() == mcid).findFirst().orElseThrow();
                StringBuilder glyphText = new StringBuilder();
                int glyphs = 0;
                for (Object o : content.getContents()) {
                    if (o instanceof TextPosition t) {
                        glyphText.append(t.getUnicode());
                        glyphs++;
                    }
                }
                if (!e.getActualText().equals(content.getActualText())) {
                    throw new AssertionError("structure element and marked content disagree: " + e.getActualText() + " / " + content.getActualText());
                }
                out.add(new Tagged(e.getStructureType(), e.getLanguage(), content.getActualText(), glyphText.toString(), glyphs));
            }
            return out;
        }
    }

    /** The credential the PDF carries as an associated file, or null. */
    public static String credential(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            var names = doc.getDocumentCatalog().getNames();
            if (names == null || names.getEmbeddedFiles() == null) {
                return null;
            }
            PDEmbeddedFilesNameTreeNode files = names.getEmbeddedFiles();
            PDComplexFileSpecification spec = files.getNames().get(CertificatePdf.CREDENTIAL_FILE);
            if (!"Alternative".equals(spec.getCOSObject().getNameAsString("AFRelationship"))) {
                throw new AssertionError("no AFRelationship");
            }
            var af = doc.getDocumentCatalog().getCOSObject().getCOSArray(org.apache.pdfbox.cos.COSName.getPDFName("AF"));
            if (af == null || af.size() != 1 || af.getObject(0) != spec.getCOSObject()) {
                throw new AssertionError("the credential is not an associated file of the document");
            }
            return new String(spec.getEmbeddedFileUnicode().toByteArray(), StandardCharsets.US_ASCII);
        }
    }
}
