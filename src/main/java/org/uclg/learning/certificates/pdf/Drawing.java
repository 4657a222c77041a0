package org.uclg.learning.certificates.pdf;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import java.awt.Color;
import java.io.IOException;
import java.util.Map;

/** Drawing on a certificate page: text of any script placed and fitted, and the QR code as vector squares. */
final class Drawing {
    private final PageContent out;
    private final String lang;

    /** Draws on {@code out}; texts are in {@code lang} unless said otherwise. */
    Drawing(PageContent out, String lang) {
        this.out = out;
        this.lang = lang;
    }

    /** The QR code as filled squares: sharp at any zoom, and a few hundred bytes. */
    void qr(String url, float x, float y, float size) {
        BitMatrix m;
        try {
            m = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, 0, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode " + url, e);
        }
        float cell = size / m.getWidth();
        out.beginArtifact().color(Color.BLACK, false);
        for (int row = 0; row < m.getHeight(); row++) {
            for (int col = 0; col < m.getWidth(); col++) {
                if (m.get(col, row)) {
                    out.rect(x + col * cell, y + size - (row + 1) * cell, cell, cell);
                }
            }
        }
        out.fill().end();
    }

    void center(Face face, float size, Color color, String text, float y) throws IOException {
        center("P", lang, face, size, color, text, y);
    }

    void center(String role, String textLang, Face face, float size, Color color, String text, float y) throws IOException {
        ScriptText.Line line = ScriptText.shape(text, face);
        out.text(line, role, textLang, size, color, (CertificatePdf.WIDTH - line.width(size)) / 2, y);
    }

    /** Centered, shrinking from {@code size} down to {@code min} so that a long text never overflows. */
    void fit(String textLang, Face face, float size, float min, Color color, String text, float y, float maxWidth) throws IOException {
        ScriptText.Line line = ScriptText.shape(text, face);
        float actual = Math.max(min, Math.min(size, maxWidth / Math.max(line.width(1), 0.001f)));
        out.text(line, "P", textLang, actual, color, (CertificatePdf.WIDTH - line.width(actual)) / 2, y);
    }

    void rightAligned(Face face, float size, Color color, String text, float right, float y) throws IOException {
        ScriptText.Line line = ScriptText.shape(text, face);
        out.text(line, "P", lang, size, color, right - line.width(size), y);
    }

    void left(Face face, float size, Color color, String text, float x, float y) throws IOException {
        out.text(ScriptText.shape(text, face), "P", lang, size, color, x, y);
    }
}
