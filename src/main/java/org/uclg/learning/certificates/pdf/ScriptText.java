package org.uclg.learning.certificates.pdf;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;
import com.ibm.icu.text.Transliterator;
import org.apache.fontbox.ttf.TrueTypeFont;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;

/**
 * Prepares text of any script for PDFBox, which draws glyphs left to right as given: Arabic is
 * shaped and the line put in visual order; a script the embedded fonts lack (CJK: no CJK font is
 * available from the build's dependencies) is romanized with ICU rather than drawn as blanks.
 */
final class ScriptText {
    private static final ThreadLocal<Transliterator> TO_LATIN =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Any-Latin; Title"));

    private ScriptText() {
    }

    /** The text as it must be drawn with {@code font}. */
    static String forFont(String text, TrueTypeFont font) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        if (!covers(font, shape(nfc))) {
            nfc = TO_LATIN.get().transliterate(nfc);
        }
        String visual = shape(nfc);
        StringBuilder out = new StringBuilder();
        visual.codePoints().forEach(cp -> {
            if (covers(font, cp) || Character.isWhitespace(cp)) {
                out.appendCodePoint(Character.isWhitespace(cp) ? ' ' : cp);
            }
        });
        return out.toString();
    }

    /** Whether the text must be transliterated to be printed with {@code font}. */
    static boolean needsRomanizing(String text, TrueTypeFont font) {
        return !covers(font, shape(Normalizer.normalize(text, Normalizer.Form.NFC)));
    }

    private static String shape(String text) {
        if (!Bidi.requiresBidi(text.toCharArray(), 0, text.length())) {
            return text;
        }
        try {
            String shaped = new ArabicShaping(ArabicShaping.LETTERS_SHAPE | ArabicShaping.TEXT_DIRECTION_LOGICAL).shape(text);
            Bidi bidi = new Bidi(shaped, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT);
            return bidi.writeReordered(Bidi.DO_MIRRORING);
        } catch (ArabicShapingException e) {
            return text;
        }
    }

    private static boolean covers(TrueTypeFont font, String text) {
        return text.codePoints().allMatch(cp -> Character.isWhitespace(cp) || covers(font, cp));
    }

    private static boolean covers(TrueTypeFont font, int cp) {
        try {
            return font.getUnicodeCmapLookup().getGlyphId(cp) != 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
