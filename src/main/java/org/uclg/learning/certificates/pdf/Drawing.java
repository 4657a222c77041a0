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

/** Drawing on a certificate page: text placed and fitted in any script, and the QR code as vector squares. */
final class Drawing {
    private Drawing() {
    }

    static void qr(PDPageContentStream out, String url, float x, float y, float size) throws IOException {
        BitMatrix m;
        try {
            m = new QRCodeWriter().encode(url, com.google.zxing.BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, 0, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode " + url, e);
        }
        float cell = size / m.getWidth();
        out.setNonStrokingColor(Color.BLACK);
        for (int row = 0; row < m.getHeight(); row++) {
            for (int col = 0; col < m.getWidth(); col++) {
                if (m.get(col, row)) {
                    out.addRect(x + col * cell, y + size - (row + 1) * cell, cell, cell);
                }
            }
        }
        out.fill();
    }

    static void center(PDPageContentStream out, PDType0Font font, float size, Color color, String text, float y,
                               TrueTypeFont ttf) throws IOException {
        String drawn = ScriptText.forFont(text, ttf);
        float width = font.getStringWidth(drawn) / 1000 * size;
        text(out, font, size, color, drawn, (CertificatePdf.WIDTH - width) / 2, y);
    }

    /** Centered, shrinking from {@code size} down to {@code min} so that a long name never overflows. */
    static void fit(PDPageContentStream out, PDType0Font font, float size, float min, Color color, String text, float y,
                            float maxWidth, TrueTypeFont ttf) throws IOException {
        String drawn = ScriptText.forFont(text, ttf);
        float width = font.getStringWidth(drawn) / 1000;
        float actual = Math.max(min, Math.min(size, maxWidth / Math.max(width, 1)));
        text(out, font, actual, color, drawn, (CertificatePdf.WIDTH - width * actual) / 2, y);
    }

    static void rightAligned(PDPageContentStream out, PDType0Font font, float size, Color color, String text, float right, float y,
                                     TrueTypeFont ttf) throws IOException {
        String drawn = ScriptText.forFont(text, ttf);
        text(out, font, size, color, drawn, right - font.getStringWidth(drawn) / 1000 * size, y);
    }

    static void text(PDPageContentStream out, PDType0Font font, float size, Color color, String text, float x, float y,
                             TrueTypeFont ttf) throws IOException {
        text(out, font, size, color, ScriptText.forFont(text, ttf), x, y);
    }

    static void text(PDPageContentStream out, PDType0Font font, float size, Color color, String drawn, float x, float y)
            throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.setNonStrokingColor(color);
        out.newLineAtOffset(x, y);
        out.showText(drawn);
        out.endText();
    }
}
