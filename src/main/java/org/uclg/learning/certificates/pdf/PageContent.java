package org.uclg.learning.certificates.pdf;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A page's content stream, written operator by operator. PDFBox's own content stream can show
 * only text it encodes itself, character by character; a shaped line is glyphs (ligatures,
 * conjuncts, contextual forms) that have no character of their own, so they are written here as
 * glyph ids, with the positions the layout gave. Every text is marked content with an MCID, its
 * language and its text as written ({@code ActualText}), for the structure tree; the rest is
 * marked as artifact.
 */
final class PageContent {
    /** One tagged text on the page: what the structure tree makes an element of. */
    record Tagged(String role, int mcid, String lang, String text) {
    }

    private final StringBuilder out = new StringBuilder(8 * 1024);
    private final PDDocument doc;
    private final PDResources resources;
    private final Map<Face, PDType0Font> fonts = new EnumMap<>(Face.class);
    private final Map<Face, COSName> fontNames = new EnumMap<>(Face.class);
    /** Per face, the glyphs drawn and the text each stands for (the first met, if a glyph stands for several). */
    private final Map<Face, Map<Integer, String>> used = new EnumMap<>(Face.class);
    private final List<Tagged> tagged = new ArrayList<>();

    PageContent(PDDocument doc, PDPage page) {
        this.doc = doc;
        this.resources = new PDResources();
        page.setResources(resources);
    }

    List<Tagged> tagged() {
        return List.copyOf(tagged);
    }

    PageContent color(Color c, boolean stroke) {
        out.append(num(c.getRed() / 255f)).append(' ').append(num(c.getGreen() / 255f)).append(' ').append(num(c.getBlue() / 255f))
                .append(stroke ? " RG\n" : " rg\n");
        return this;
    }

    PageContent lineWidth(float w) {
        out.append(num(w)).append(" w\n");
        return this;
    }

    PageContent rect(float x, float y, float w, float h) {
        out.append(num(x)).append(' ').append(num(y)).append(' ').append(num(w)).append(' ').append(num(h)).append(" re\n");
        return this;
    }

    PageContent line(float x1, float y1, float x2, float y2) {
        out.append(num(x1)).append(' ').append(num(y1)).append(" m ").append(num(x2)).append(' ').append(num(y2)).append(" l\n");
        return this;
    }

    PageContent stroke() {
        out.append("S\n");
        return this;
    }

    PageContent fill() {
        out.append("f\n");
        return this;
    }

    /** Decoration (frame, rules, QR code): skipped by screen readers and text extraction. */
    PageContent beginArtifact() {
        out.append("/Artifact BMC\n");
        return this;
    }

    PageContent end() {
        out.append("EMC\n");
        return this;
    }

    /** Draws a shaped line with its left end at (x, y), tagged with its role, language and text. */
    void text(ScriptText.Line line, String role, String lang, float size, Color color, float x, float y) throws IOException {
        int mcid = tagged.size();
        tagged.add(new Tagged(role, mcid, lang, line.text()));
        out.append('/').append(role).append(" <</MCID ").append(mcid).append(" /Lang ").append(literal(lang))
                .append(" /ActualText ").append(utf16(line.text())).append(">> BDC\n");
        color(color, false);
        out.append("BT\n");
        float scale = size / Face.EM;
        for (ScriptText.Run run : line.runs()) {
            if (run.glyphs().length == 0) {
                continue;
            }
            PDType0Font font = font(run.face());
            out.append('/').append(fontNames.get(run.face()).getName()).append(' ').append(num(size)).append(" Tf\n");
            out.append("1 0 0 1 ").append(num(x + run.x()[0] * scale)).append(' ').append(num(y)).append(" Tm\n");
            glyphs(run, font, size);
        }
        out.append("ET\nEMC\n");
    }

    /**
     * The glyphs of a run in TJ arrays: after each glyph the pen moves by its advance (the width
     * PDFBox writes for it), and a number in the array moves it to where the layout put the next
     * one. A vertical offset (a mark set above or below) is a text rise.
     */
    private void glyphs(ScriptText.Run run, PDType0Font font, float size) throws IOException {
        Map<Integer, String> usedHere = used.computeIfAbsent(run.face(), f -> new TreeMap<>());
        float rise = 0;
        boolean open = false;
        float pen = run.x()[0];
        for (int i = 0; i < run.glyphs().length; i++) {
            int gid = run.glyphs()[i];
            usedHere.putIfAbsent(gid, run.texts()[i]);
            float wantedRise = -run.y()[i] * size / Face.EM;
            if (Math.abs(wantedRise - rise) > 0.001f) {
                if (open) {
                    out.append("] TJ\n");
                    open = false;
                }
                out.append(num(wantedRise)).append(" Ts\n");
                rise = wantedRise;
            }
            if (!open) {
                out.append('[');
                open = true;
            }
            float shift = pen - run.x()[i];
            if (Math.abs(shift) >= 0.01f) {
                out.append(num(shift)).append(' ');
            }
            out.append('<').append(HexFormat.of().withUpperCase().formatHex(font.encodeGlyphId(gid))).append('>');
            pen = run.x()[i] + advance(run.face(), gid);
        }
        if (open) {
            out.append("] TJ\n");
        }
        if (rise != 0) {
            out.append("0 Ts\n");
        }
    }

    /** A glyph's advance in 1/1000 em, rounded as PDFBox rounds it in the font's widths. */
    private static float advance(Face face, int gid) throws IOException {
        var ttf = face.trueType();
        return Math.round(ttf.getAdvanceWidth(gid) * 1000f / ttf.getUnitsPerEm());
    }

    private PDType0Font font(Face face) throws IOException {
        PDType0Font font = fonts.get(face);
        if (font == null) {
            font = PDType0Font.load(doc, face.trueType(), true);
            fonts.put(face, font);
            fontNames.put(face, resources.add(font));
        }
        return font;
    }

    /**
     * Writes the stream (compressed) into the page, and embeds each font as the subset of the
     * glyphs drawn (PDFBox subsets on save only the fonts its own content stream used).
     */
    void finish(PDPage page) throws IOException {
        for (var e : used.entrySet()) {
            PDType0Font font = fonts.get(e.getKey());
            font.addGlyphsToSubset(e.getValue().keySet());
            font.subset();
            font.getCOSObject().setItem(COSName.TO_UNICODE, toUnicode(e.getValue()));
        }
        PDStream stream = new PDStream(doc);
        try (OutputStream os = stream.createOutputStream(COSName.FLATE_DECODE)) {
            os.write(out.toString().getBytes(StandardCharsets.US_ASCII));
        }
        page.setContents(stream);
    }

    /**
     * The font's ToUnicode map, glyph by glyph, from the layout: a conjunct, ligature or contextual
     * form gives the letters it stands for (PDFBox's own map knows only glyphs the font's cmap
     * reaches, and for a Han glyph may pick a Kangxi radical). Tools that ignore ActualText read this.
     */
    private PDStream toUnicode(Map<Integer, String> texts) throws IOException {
        StringBuilder cmap = new StringBuilder("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                + "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                + "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                + "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        List<Map.Entry<Integer, String>> entries = new ArrayList<>(texts.entrySet());
        for (int from = 0; from < entries.size(); from += 100) {
            List<Map.Entry<Integer, String>> block = entries.subList(from, Math.min(entries.size(), from + 100));
            cmap.append(block.size()).append(" beginbfchar\n");
            for (var e : block) {
                cmap.append(String.format("<%04X> <", e.getKey()))
                        .append(HexFormat.of().withUpperCase().formatHex(e.getValue().getBytes(StandardCharsets.UTF_16BE))).append(">\n");
            }
            cmap.append("endbfchar\n");
        }
        cmap.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        PDStream stream = new PDStream(doc);
        try (OutputStream os = stream.createOutputStream(COSName.FLATE_DECODE)) {
            os.write(cmap.toString().getBytes(StandardCharsets.US_ASCII));
        }
        return stream;
    }

    static String num(float f) {
        return new BigDecimal(Float.toString(f)).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static String literal(String ascii) {
        return "(" + ascii.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")";
    }

    /** A text string in UTF-16BE with its byte order mark, as hex: any script, no escaping. */
    static String utf16(String text) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] {(byte) 0xFE, (byte) 0xFF});
        b.writeBytes(text.getBytes(StandardCharsets.UTF_16BE));
        return "<" + HexFormat.of().withUpperCase().formatHex(b.toByteArray()) + ">";
    }
}
