package org.uclg.learning.certificates.pdf;

import org.uclg.learning.certificates.VerificationCode;
import org.uclg.learning.certificates.CertificateKind;
import org.uclg.learning.shared.Messages;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import jakarta.inject.Singleton;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Calendar;
import java.util.Map;
import java.util.TimeZone;

/**
 * Renders a certificate: one A4 landscape page, DejaVu fonts embedded as subsets (they come with
 * the build's jasperreports-fonts dependency), a vector QR code to the verification page. The
 * same {@link PrintedCertificate} always gives the same bytes: fixed document id and dates, and
 * PDFBox derives subset tags from the glyphs used.
 */
@Singleton
public class CertificatePdf {
    private static final String FONTS = "net/sf/jasperreports/fonts/dejavu/";
    private static final byte[] SANS = resource(FONTS + "DejaVuSans.ttf");
    private static final byte[] SANS_BOLD = resource(FONTS + "DejaVuSans-Bold.ttf");
    private static final byte[] SERIF_BOLD = resource(FONTS + "DejaVuSerif-Bold.ttf");
    /**
     * Noto Sans SC Bold (SIL OFL, src/main/resources/fonts): Chinese and Japanese names, which no
     * Maven Central font artifact covers. Read once; parsed per thread only when a name needs it.
     */
    private static final byte[] CJK_BOLD = resource("fonts/NotoSansSC-Bold.ttf");
    private static final ThreadLocal<TrueTypeFont> CJK_OF_THREAD = ThreadLocal.withInitial(() -> parse(CJK_BOLD));
    /** Parsing a TTF costs more than the rest of a page: each thread parses once and reuses. */
    private static final ThreadLocal<Fonts> FONTS_OF_THREAD = ThreadLocal.withInitial(Fonts::parse);

    private static final Color INK = new Color(0x1F, 0x2A, 0x44);
    private static final Color ACCENT = new Color(0x00, 0x6B, 0xA6);
    private static final Color MUTED = new Color(0x55, 0x5F, 0x6D);
    static final float WIDTH = PDRectangle.A4.getHeight();
    private static final float HEIGHT = PDRectangle.A4.getWidth();

    private record Fonts(TrueTypeFont sans, TrueTypeFont sansBold, TrueTypeFont serifBold) {
        static Fonts parse() {
            return new Fonts(CertificatePdf.parse(SANS), CertificatePdf.parse(SANS_BOLD), CertificatePdf.parse(SERIF_BOLD));
        }
    }

    private static TrueTypeFont parse(byte[] ttf) {
        try {
            return new TTFParser().parse(new RandomAccessReadBuffer(ttf));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The face a name is drawn in: the serif, else DejaVu Sans (Arabic), else Noto Sans SC (CJK), else romanized in the serif. */
    private static TrueTypeFont nameFont(String name, Fonts fonts) {
        if (!ScriptText.needsRomanizing(name, fonts.serifBold())) {
            return fonts.serifBold();
        }
        if (!ScriptText.needsRomanizing(name, fonts.sansBold())) {
            return fonts.sansBold();
        }
        TrueTypeFont cjk = CJK_OF_THREAD.get();
        return ScriptText.needsRomanizing(name, cjk) ? fonts.serifBold() : cjk;
    }

    public byte[] render(PrintedCertificate c) {
        Fonts fonts = FONTS_OF_THREAD.get();
        String lang = c.language();
        try (PDDocument doc = new PDDocument()) {
            PDType0Font sans = PDType0Font.load(doc, fonts.sans(), true);
            PDType0Font bold = PDType0Font.load(doc, fonts.sansBold(), true);
            PDType0Font serif = PDType0Font.load(doc, fonts.serifBold(), true);
            PDPage page = new PDPage(new PDRectangle(WIDTH, HEIGHT));
            doc.addPage(page);
            try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
                frame(out);
                float y = HEIGHT - 78;
                Drawing.center(out, sans, 11, ACCENT, "#LearningWithUCLG · United Cities and Local Governments", y, fonts.sans());
                y -= 44;
                Drawing.center(out, bold, 30, INK, Messages.get(lang, "certificate.kind." + c.kind().name()).toUpperCase(java.util.Locale.forLanguageTag(lang)), y, fonts.sansBold());
                y -= 40;
                Drawing.center(out, sans, 13, MUTED, Messages.get(lang, "certificate.certifies"), y, fonts.sans());
                y -= 50;
                TrueTypeFont nameFont = nameFont(c.printedName(), fonts);
                PDType0Font name = nameFont == fonts.serifBold() ? serif : nameFont == fonts.sansBold() ? bold
                        : PDType0Font.load(doc, nameFont, true);
                Drawing.fit(out, name, 34, 16, INK, c.printedName(), y, 660, nameFont);
                y -= 16;
                out.setStrokingColor(ACCENT);
                out.setLineWidth(0.8f);
                out.moveTo(WIDTH / 2 - 200, y);
                out.lineTo(WIDTH / 2 + 200, y);
                out.stroke();
                y -= 28;
                Drawing.center(out, sans, 13, MUTED, Messages.get(lang, "certificate.did." + c.kind().name()), y, fonts.sans());
                y -= 32;
                Drawing.fit(out, bold, 20, 11, INK, c.moduleTitle(), y, 680, fonts.sansBold());
                if (c.kind() == CertificateKind.EVENT_ATTENDANCE) {
                    // an event: its date, then its format and venue (cohortTitle), no module version or hours
                    y -= 30;
                    Drawing.center(out, sans, 12, INK, Messages.get(lang, "certificate.heldOn", Messages.date(lang, c.completedOn())), y, fonts.sans());
                    y -= 18;
                    Drawing.fit(out, sans, 11, 8, MUTED, c.cohortTitle(), y, 680, fonts.sans());
                } else {
                    y -= 20;
                    Drawing.center(out, sans, 11, MUTED, c.moduleCode() + " · " + Messages.get(lang, "certificate.version", c.moduleVersion()), y, fonts.sans());
                    y -= 30;
                    Drawing.center(out, sans, 12, INK, Messages.get(lang, "certificate.hours", c.hours()) + "  ·  "
                            + Messages.get(lang, "certificate.completed", Messages.date(lang, c.completedOn())), y, fonts.sans());
                    y -= 18;
                    Drawing.fit(out, sans, 11, 8, MUTED, Messages.get(lang, "certificate.cohort") + ": " + c.cohortTitle(), y, 680, fonts.sans());
                }
                y -= 18;
                Drawing.center(out, sans, 11, MUTED, Messages.get(lang, "certificate.host", c.hostName()), y, fonts.sans());
                if (!c.partners().isEmpty()) {
                    y -= 16;
                    Drawing.center(out, sans, 11, MUTED, Messages.get(lang, "certificate.partners", String.join(", ", c.partners())), y, fonts.sans());
                }
                signature(out, sans, bold, lang, fonts);
                verification(out, sans, bold, c, fonts);
            }
            info(doc, c);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 * 1024);
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void frame(PDPageContentStream out) throws IOException {
        out.setStrokingColor(INK);
        out.setLineWidth(3);
        out.addRect(24, 24, WIDTH - 48, HEIGHT - 48);
        out.stroke();
        out.setStrokingColor(ACCENT);
        out.setLineWidth(0.8f);
        out.addRect(32, 32, WIDTH - 64, HEIGHT - 64);
        out.stroke();
    }

    private static void signature(PDPageContentStream out, PDType0Font sans, PDType0Font bold, String lang, Fonts fonts) throws IOException {
        float x = 90;
        float y = 92;
        out.setStrokingColor(INK);
        out.setLineWidth(0.6f);
        out.moveTo(x, y);
        out.lineTo(x + 240, y);
        out.stroke();
        Drawing.text(out, sans, 9.5f, MUTED, Messages.get(lang, "certificate.signature"), x, y - 14, fonts.sans());
    }

    private static void verification(PDPageContentStream out, PDType0Font sans, PDType0Font bold, PrintedCertificate c, Fonts fonts)
            throws IOException {
        float size = 78;
        float qrX = WIDTH - 90 - size;
        float qrY = 62;
        Drawing.qr(out, c.verifyUrl(), qrX, qrY, size);
        float right = qrX - 14;
        String lang = c.language();
        Drawing.rightAligned(out, sans, 9, MUTED, Messages.get(lang, "certificate.verify"), right, qrY + 58, fonts.sans());
        Drawing.rightAligned(out, sans, 8, ACCENT, c.verifyUrl(), right, qrY + 45, fonts.sans());
        Drawing.rightAligned(out, sans, 9, MUTED, Messages.get(lang, "certificate.code"), right, qrY + 24, fonts.sans());
        Drawing.rightAligned(out, bold, 12, INK, VerificationCode.display(c.code()), right, qrY + 9, fonts.sansBold());
    }

    /** The QR code as filled squares: sharp at any zoom, and a few hundred bytes. */
    private static void info(PDDocument doc, PrintedCertificate c) {
        PDDocumentInformation info = doc.getDocumentInformation();
        Calendar issued = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        issued.setTimeInMillis(c.issuedAt().toEpochMilli());
        info.setCreationDate(issued);
        info.setModificationDate(issued);
        info.setTitle(Messages.get(c.language(), "certificate.kind." + c.kind().name()) + " " + c.moduleCode() + " " + VerificationCode.display(c.code()));
        info.setAuthor("United Cities and Local Governments (UCLG)");
        info.setProducer("#LearningWithUCLG");
        // a fixed id (PDFBox would otherwise derive one from the clock): the same record, the same bytes
        byte[] id = md5(c.code() + '|' + c.issuedAt());
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        doc.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    private static byte[] md5(String s) {
        try {
            return MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] resource(String path) {
        try (InputStream in = CertificatePdf.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("font " + path + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The SHA-256 of a PDF's bytes, in hex: what the record keeps and what an uploaded PDF is matched by. */
    public static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
