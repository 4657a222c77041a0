package org.uclg.learning.certificates.pdf;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.uclg.learning.certificates.CertificateKind;
import org.uclg.learning.certificates.VerificationCode;
import org.uclg.learning.shared.Messages;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Calendar;
import java.util.Locale;
import java.util.TimeZone;

/**
 * Renders a certificate: one A4 landscape page, an archival PDF/A-3b document. Every text is
 * shaped ({@link ScriptText}) and drawn as glyphs of faces embedded as subsets ({@link Face}), so
 * a name prints in its own script; the text layer is tagged with the language of each text and
 * the text as written. The signed credential rides along as an associated file; a vector QR code
 * opens the verification page. The same {@link PrintedCertificate} and credential always give the
 * same bytes: fixed document id, dates and metadata, and PDFBox derives subset tags from the glyphs.
 */
@Singleton
public class CertificatePdf {
    private static final Color INK = new Color(0x1F, 0x2A, 0x44);
    private static final Color ACCENT = new Color(0x00, 0x6B, 0xA6);
    private static final Color MUTED = new Color(0x55, 0x5F, 0x6D);
    static final float WIDTH = PDRectangle.A4.getHeight();
    private static final float HEIGHT = PDRectangle.A4.getWidth();
    /** Name of the associated file that holds the signed credential. */
    public static final String CREDENTIAL_FILE = "credential.jwt";

    /** A certificate without its credential (a preview, a benchmark). */
    public byte[] render(PrintedCertificate c) {
        return render(c, null);
    }

    /** The certificate's PDF, carrying {@code credential} (a signed VC-JWT) as an associated file when there is one. */
    public byte[] render(PrintedCertificate c, @Nullable String credential) {
        String lang = c.language();
        try (PDDocument doc = new PDDocument()) {
            doc.setVersion(1.7f);
            PDPage page = new PDPage(new PDRectangle(WIDTH, HEIGHT));
            doc.addPage(page);
            PageContent out = new PageContent(doc, page);
            Drawing draw = new Drawing(out, lang);
            frame(out);
            float y = HEIGHT - 78;
            draw.center("P", "en", Face.SANS, 11, ACCENT, "#LearningWithUCLG · United Cities and Local Governments", y);
            y -= 44;
            draw.center("H1", lang, Face.SANS_BOLD, 30, INK,
                    Messages.get(lang, "certificate.kind." + c.kind().name()).toUpperCase(Locale.forLanguageTag(lang)), y);
            y -= 40;
            draw.center(Face.SANS, 13, MUTED, Messages.get(lang, "certificate.certifies"), y);
            y -= 50;
            draw.fit(ScriptText.likelyLanguage(c.printedName(), lang), Face.SERIF_BOLD, 34, 16, INK, c.printedName(), y, 660);
            y -= 16;
            out.beginArtifact().color(ACCENT, true).lineWidth(0.8f).line(WIDTH / 2 - 200, y, WIDTH / 2 + 200, y).stroke().end();
            y -= 28;
            draw.center(Face.SANS, 13, MUTED, Messages.get(lang, "certificate.did." + c.kind().name()), y);
            y -= 32;
            draw.fit(lang, Face.SANS_BOLD, 20, 11, INK, c.moduleTitle(), y, 680);
            if (c.kind() == CertificateKind.EVENT_ATTENDANCE) {
                // an event: its date, then its format and venue (cohortTitle), no module version or hours
                y -= 30;
                draw.center(Face.SANS, 12, INK, Messages.get(lang, "certificate.heldOn", Messages.date(lang, c.completedOn())), y);
                y -= 18;
                draw.fit(lang, Face.SANS, 11, 8, MUTED, c.cohortTitle(), y, 680);
            } else {
                y -= 20;
                draw.center(Face.SANS, 11, MUTED, c.moduleCode() + " · " + Messages.get(lang, "certificate.version", c.moduleVersion()), y);
                y -= 30;
                draw.center(Face.SANS, 12, INK, Messages.get(lang, "certificate.hours", c.hours()) + "  ·  "
                        + Messages.get(lang, "certificate.completed", Messages.date(lang, c.completedOn())), y);
                y -= 18;
                draw.fit(lang, Face.SANS, 11, 8, MUTED, Messages.get(lang, "certificate.cohort") + ": " + c.cohortTitle(), y, 680);
            }
            y -= 18;
            draw.center(Face.SANS, 11, MUTED, Messages.get(lang, "certificate.host", c.hostName()), y);
            if (!c.partners().isEmpty()) {
                y -= 16;
                draw.center(Face.SANS, 11, MUTED, Messages.get(lang, "certificate.partners", String.join(", ", c.partners())), y);
            }
            signature(out, draw, lang);
            verification(draw, c);
            out.finish(page);

            Calendar issued = Calendar.getInstance(TimeZone.getTimeZone("UTC"), Locale.ROOT);
            // whole seconds: what the document information can hold, and the XMP must say the same
            issued.setTimeInMillis(c.issuedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toEpochMilli());
            String title = Messages.get(lang, "certificate.kind." + c.kind().name()) + " " + c.moduleCode() + " "
                    + VerificationCode.display(c.code());
            Archival.metadata(doc, title, lang, issued, c.code() + '|' + c.issuedAt());
            Archival.structure(doc, page, lang, out.tagged());
            if (credential != null) {
                Archival.attachCredential(doc, CREDENTIAL_FILE, credential, Messages.get(lang, "certificate.credentialFile"), issued);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(48 * 1024);
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void frame(PageContent out) {
        out.beginArtifact()
                .color(INK, true).lineWidth(3).rect(24, 24, WIDTH - 48, HEIGHT - 48).stroke()
                .color(ACCENT, true).lineWidth(0.8f).rect(32, 32, WIDTH - 64, HEIGHT - 64).stroke()
                .end();
    }

    private static void signature(PageContent out, Drawing draw, String lang) throws IOException {
        float x = 90;
        float y = 92;
        out.beginArtifact().color(INK, true).lineWidth(0.6f).line(x, y, x + 240, y).stroke().end();
        draw.left(Face.SANS, 9.5f, MUTED, Messages.get(lang, "certificate.signature"), x, y - 14);
    }

    private static void verification(Drawing draw, PrintedCertificate c) throws IOException {
        float size = 78;
        float qrX = WIDTH - 90 - size;
        float qrY = 62;
        draw.qr(c.verifyUrl(), qrX, qrY, size);
        float right = qrX - 14;
        String lang = c.language();
        draw.rightAligned(Face.SANS, 9, MUTED, Messages.get(lang, "certificate.verify"), right, qrY + 58);
        draw.rightAligned(Face.SANS, 8, ACCENT, c.verifyUrl(), right, qrY + 45);
        draw.rightAligned(Face.SANS, 9, MUTED, Messages.get(lang, "certificate.code"), right, qrY + 24);
        draw.rightAligned(Face.SANS_BOLD, 12, INK, VerificationCode.display(c.code()), right, qrY + 9);
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
