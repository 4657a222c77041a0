package org.uclg.learning.certificates.pdf;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Transliterator;
import com.ibm.icu.util.ULocale;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.text.Bidi;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A line of text of any script made into positioned glyphs. PDFBox draws glyphs one after another
 * as given; it does not shape. So the JDK's own text layout ({@link Font#layoutGlyphVector}, which
 * runs HarfBuzz) shapes each run — Indic conjuncts and reordered vowel signs, Thai and Ethiopic
 * marks, Arabic joining, Hangul syllables — with the face that covers it; {@link Bidi} puts
 * right-to-left runs in visual order. The glyph ids and positions are then written into the PDF
 * as they are. Only a letter no bundled face has is romanized (ICU {@code Any-Latin}), rather than
 * drawn as an empty box.
 */
final class ScriptText {
    private static final FontRenderContext LAYOUT = new FontRenderContext(null, false, true);
    private static final ThreadLocal<Transliterator> TO_LATIN =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Any-Latin; Title"));

    /**
     * Glyphs of one face, left to right: ids, x/y offsets from the line start in 1/1000 em (y
     * downwards, as in AWT), and the text each glyph stands for (a conjunct or ligature: all its letters).
     */
    record Run(Face face, int[] glyphs, float[] x, float[] y, String[] texts) {
    }

    /** A shaped line: its text as written (what copy, search and screen readers get) and its runs in visual order. */
    record Line(String text, List<Run> runs, float width) {
        /** Width in points at {@code size}. */
        float width(float size) {
            return width * size / Face.EM;
        }
    }

    private ScriptText() {
    }

    static Line shape(String text, Face face) {
        String logical = printable(Normalizer.normalize(text, Normalizer.Form.NFC), face.chain());
        if (logical.isEmpty()) {
            return new Line(logical, List.of(), 0);
        }
        List<Segment> segments = segments(logical, face.chain());
        List<Run> runs = new ArrayList<>();
        float pen = 0;
        char[] chars = logical.toCharArray();
        for (Segment s : segments) {
            Font font = s.face().awt();
            int flags = s.rtl() ? Font.LAYOUT_RIGHT_TO_LEFT : Font.LAYOUT_LEFT_TO_RIGHT;
            GlyphVector gv = font.layoutGlyphVector(LAYOUT, chars, s.start(), s.end(), flags);
            int n = gv.getNumGlyphs();
            float[] positions = gv.getGlyphPositions(0, n + 1, null);
            int[] codes = gv.getGlyphCodes(0, n, null);
            int[] firstChars = gv.getGlyphCharIndices(0, n, null);
            int[] starts = Arrays.stream(firstChars).distinct().sorted().toArray();
            int glyphCount = font.getNumGlyphs();
            int kept = 0;
            int[] glyphs = new int[n];
            float[] x = new float[n];
            float[] y = new float[n];
            String[] texts = new String[n];
            for (int i = 0; i < n; i++) {
                // 0xFFFF/0xFFFE are the layout's invisible glyphs (joiners); 0 is .notdef, never drawn
                if (codes[i] > 0 && codes[i] < glyphCount) {
                    glyphs[kept] = codes[i];
                    x[kept] = pen + positions[2 * i];
                    y[kept] = positions[2 * i + 1];
                    // a glyph stands for its first letter and those no glyph starts at (the rest of a conjunct or ligature)
                    int next = Arrays.binarySearch(starts, firstChars[i]) + 1;
                    texts[kept] = logical.substring(s.start() + firstChars[i], next < starts.length ? s.start() + starts[next] : s.end());
                    kept++;
                }
            }
            runs.add(new Run(s.face(), Arrays.copyOf(glyphs, kept), Arrays.copyOf(x, kept), Arrays.copyOf(y, kept), Arrays.copyOf(texts, kept)));
            pen += positions[2 * n];
        }
        return new Line(logical, runs, pen);
    }

    /**
     * The language a name is most likely in, from its script (CLDR's likely subtags through ICU:
     * Devanagari hi, Bengali bn, Hangul ko, Thai th, Ethiopic am, Cyrillic ru …), so that a screen
     * reader picks a voice that can read it; {@code fallback} for Latin or a mix of scripts.
     */
    static String likelyLanguage(String text, String fallback) {
        int script = UScript.COMMON;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            int s = UScript.getScript(cp);
            if (s == UScript.COMMON || s == UScript.INHERITED) {
                continue;
            }
            if (s == UScript.HIRAGANA || s == UScript.KATAKANA) {
                return "ja";
            }
            if (script != UScript.COMMON && script != s) {
                return fallback;
            }
            script = s;
        }
        if (script == UScript.COMMON || script == UScript.LATIN) {
            return fallback;
        }
        return ULocale.addLikelySubtags(new ULocale("und_" + UScript.getShortName(script))).getLanguage();
    }

    /** The text with whitespace as plain spaces, romanized when some letter is in no face of the chain, and what still is not dropped. */
    private static String printable(String text, List<Face> chain) {
        String t = text.codePoints().map(cp -> Character.isWhitespace(cp) || Character.isSpaceChar(cp) ? ' ' : cp)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (!t.codePoints().allMatch(cp -> faceFor(cp, null, chain) != null)) {
            t = TO_LATIN.get().transliterate(t);
        }
        return t.codePoints().filter(cp -> faceFor(cp, null, chain) != null)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    /** The face for a code point: the current one for spaces, marks and joiners it has, else the first of the chain that has it. */
    private static Face faceFor(int cp, Face current, List<Face> chain) {
        int type = Character.getType(cp);
        boolean clings = cp == ' ' || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK || type == Character.FORMAT;
        if (current != null && clings && (cp == ' ' || type == Character.FORMAT || current.covers(cp))) {
            return current;
        }
        for (Face f : chain) {
            if (f.covers(cp)) {
                return f;
            }
        }
        return type == Character.FORMAT ? chain.get(0) : null;
    }

    private record Segment(Face face, int start, int end, boolean rtl) {
    }

    /** The text cut where the face or the direction changes, in visual order. */
    private static List<Segment> segments(String text, List<Face> chain) {
        Bidi bidi = new Bidi(text, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT);
        List<Segment> logical = new ArrayList<>();
        Face current = null;
        int start = 0;
        int level = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            Face f = faceFor(cp, current, chain);
            int l = bidi.getLevelAt(i);
            if (current != null && (f != current || l != level)) {
                logical.add(new Segment(current, start, i, (level & 1) == 1));
                start = i;
            }
            current = f;
            level = l;
            i += Character.charCount(cp);
        }
        if (current != null) {
            logical.add(new Segment(current, start, text.length(), (level & 1) == 1));
        }
        Segment[] visual = logical.toArray(Segment[]::new);
        byte[] levels = new byte[visual.length];
        for (int i = 0; i < visual.length; i++) {
            levels[i] = (byte) bidi.getLevelAt(visual[i].start());
        }
        Bidi.reorderVisually(levels, 0, visual, 0, visual.length);
        return List.of(visual);
    }
}
