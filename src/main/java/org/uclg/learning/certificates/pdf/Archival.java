package org.uclg.learning.certificates.pdf;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.Locale;
import java.util.List;
import java.util.Map;

/**
 * What makes the certificate an archival PDF/A-3b document: XMP metadata that agrees with the
 * document information, an sRGB output intent (the JDK's own profile), the structure tree (every
 * text an element with its language and its text as written), and the signed credential as an
 * associated file. Everything is derived from the record, nothing from the clock, so the same
 * record still gives the same bytes.
 */
final class Archival {
    static final String AUTHOR = "United Cities and Local Governments (UCLG)";
    static final String PRODUCER = "#LearningWithUCLG";
    /** The media type of a credential secured as a JWT (W3C VC-JOSE-COSE). */
    static final String CREDENTIAL_TYPE = "application/vc+jwt";
    private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    private Archival() {
    }

    /** Document information and XMP, the same values in both (PDF/A requires them to agree), and a fixed file id. */
    static void metadata(PDDocument doc, String title, String lang, Calendar issued, String idSeed) throws IOException {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(title);
        info.setAuthor(AUTHOR);
        info.setProducer(PRODUCER);
        info.setCreator(PRODUCER);
        info.setCreationDate(issued);
        info.setModificationDate(issued);

        String date = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx", Locale.ROOT)
                .format(issued.toInstant().atOffset(ZoneOffset.UTC));
        String xmp = XMP.replace("${title}", xml(title)).replace("${author}", xml(AUTHOR)).replace("${lang}", xml(lang))
                .replace("${date}", date).replace("${producer}", xml(PRODUCER));
        PDMetadata metadata = new PDMetadata(doc);
        metadata.importXMPMetadata(xmp.getBytes(StandardCharsets.UTF_8));
        PDDocumentCatalog catalog = doc.getDocumentCatalog();
        catalog.setMetadata(metadata);
        catalog.setLanguage(lang);

        PDOutputIntent intent = new PDOutputIntent(doc, new ByteArrayInputStream(SRGB));
        intent.setInfo("sRGB IEC61966-2.1");
        intent.setOutputCondition("sRGB IEC61966-2.1");
        intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
        intent.setRegistryName("http://www.color.org");
        catalog.addOutputIntent(intent);

        // a fixed id (PDFBox would otherwise derive one from the clock): the same record, the same bytes
        byte[] id = md5(idSeed);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        doc.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    /** The structure tree: a Document element in the page's language with one element per tagged text, in reading order. */
    static void structure(PDDocument doc, PDPage page, String lang, List<PageContent.Tagged> tagged) {
        PDDocumentCatalog catalog = doc.getDocumentCatalog();
        PDStructureTreeRoot root = new PDStructureTreeRoot();
        catalog.setStructureTreeRoot(root);
        PDMarkInfo mark = new PDMarkInfo();
        mark.setMarked(true);
        catalog.setMarkInfo(mark);
        PDStructureElement document = new PDStructureElement("Document", root);
        document.setLanguage(lang);
        root.appendKid(document);
        COSArray parents = new COSArray();
        for (PageContent.Tagged t : tagged) {
            PDStructureElement element = new PDStructureElement(t.role(), document);
            element.setPage(page);
            element.setLanguage(t.lang());
            element.setActualText(t.text());
            element.appendKid(t.mcid());
            document.appendKid(element);
            parents.add(element);
        }
        page.setStructParents(0);
        PDNumberTreeNode parentTree = new PDNumberTreeNode(PDStructureElement.class);
        COSArray nums = new COSArray();
        nums.add(COSInteger.ZERO);
        nums.add(parents);
        parentTree.getCOSObject().setItem(COSName.NUMS, nums);
        root.setParentTree(parentTree);
        root.setParentTreeNextKey(1);
    }

    /**
     * The signed Open Badges credential as an associated file of the document (PDF/A-3): the PDF
     * carries its own machine-verifiable proof. {@code Alternative}: it states the same achievement
     * in another form.
     */
    static void attachCredential(PDDocument doc, String fileName, String credential, String description, Calendar issued)
            throws IOException {
        byte[] bytes = credential.getBytes(StandardCharsets.US_ASCII);
        PDEmbeddedFile file = new PDEmbeddedFile(doc, new ByteArrayInputStream(bytes));
        file.setSubtype(CREDENTIAL_TYPE);
        file.setSize(bytes.length);
        file.setCreationDate(issued);
        file.setModDate(issued);
        PDComplexFileSpecification spec = new PDComplexFileSpecification();
        spec.setFile(fileName);
        spec.setFileUnicode(fileName);
        spec.setEmbeddedFile(file);
        spec.setEmbeddedFileUnicode(file);
        spec.setFileDescription(description);
        spec.getCOSObject().setName(COSName.getPDFName("AFRelationship"), "Alternative");
        PDEmbeddedFilesNameTreeNode files = new PDEmbeddedFilesNameTreeNode();
        files.setNames(Map.of(fileName, spec));
        PDDocumentCatalog catalog = doc.getDocumentCatalog();
        PDDocumentNameDictionary names = new PDDocumentNameDictionary(catalog);
        names.setEmbeddedFiles(files);
        catalog.setNames(names);
        COSArray af = new COSArray();
        af.add(spec);
        catalog.getCOSObject().setItem(COSName.getPDFName("AF"), af);
    }

    /**
     * The XMP packet: PDF/A identification, Dublin Core, XMP basic and Adobe PDF properties, the same
     * values as the document information. Written from this template: xmpbox's serializer costs some
     * 100 ms a call (it looks up an XML transformer each time); the tests parse it back with xmpbox.
     */
    private static final String XMP = """
            <?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
            <x:xmpmeta xmlns:x="adobe:ns:meta/">
             <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
              <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
                  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/"
                  xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
               <pdfaid:part>3</pdfaid:part>
               <pdfaid:conformance>B</pdfaid:conformance>
               <dc:format>application/pdf</dc:format>
               <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${title}</rdf:li></rdf:Alt></dc:title>
               <dc:creator><rdf:Seq><rdf:li>${author}</rdf:li></rdf:Seq></dc:creator>
               <dc:language><rdf:Bag><rdf:li>${lang}</rdf:li></rdf:Bag></dc:language>
               <xmp:CreateDate>${date}</xmp:CreateDate>
               <xmp:ModifyDate>${date}</xmp:ModifyDate>
               <xmp:MetadataDate>${date}</xmp:MetadataDate>
               <xmp:CreatorTool>${producer}</xmp:CreatorTool>
               <pdf:Producer>${producer}</pdf:Producer>
              </rdf:Description>
             </rdf:RDF>
            </x:xmpmeta>
            <?xpacket end="w"?>""";

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static byte[] md5(String s) {
        try {
            return MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
