package org.uclg.learning.certificates.pdf;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The TrueType faces a certificate is drawn in: DejaVu from the build's jasperreports-fonts
 * dependency, Noto (SIL OFL) from {@code src/main/resources/fonts} for the scripts DejaVu lacks.
 * Each file is read once, when a text first needs it (a Latin name never loads the CJK faces);
 * the JDK's {@link Font} shapes with it, and PDFBox embeds a subset of the FontBox parse, which
 * each thread makes once (parsing costs more than the rest of a page).
 */
enum Face {
    SANS("net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf"),
    SANS_BOLD("net/sf/jasperreports/fonts/dejavu/DejaVuSans-Bold.ttf"),
    SERIF_BOLD("net/sf/jasperreports/fonts/dejavu/DejaVuSerif-Bold.ttf"),
    DEVANAGARI("fonts/NotoSansDevanagari-Bold.ttf"),
    BENGALI("fonts/NotoSansBengali-Bold.ttf"),
    TAMIL("fonts/NotoSansTamil-Bold.ttf"),
    THAI("fonts/NotoSansThai-Bold.ttf"),
    ETHIOPIC("fonts/NotoSansEthiopic-Bold.ttf"),
    /** Noto Sans KR Bold cut down to the Hangul blocks (see docs/certificates.md). */
    HANGUL("fonts/NotoSansKR-Bold-Hangul.ttf"),
    /** Noto Sans SC Bold: Chinese (simplified and traditional), Japanese kana and kanji. */
    CJK("fonts/NotoSansSC-Bold.ttf");

    /** Faces tried, in order, for what a text's own face lacks. */
    private static final List<Face> FALLBACK = List.of(SANS_BOLD, DEVANAGARI, BENGALI, TAMIL, THAI, ETHIOPIC, HANGUL, CJK);
    /** Layout happens at 1000 units to the em: positions come out in PDF glyph-space units. */
    static final float EM = 1000f;

    private final String resource;
    private volatile Loaded loaded;
    private final ThreadLocal<TrueTypeFont> parsed = ThreadLocal.withInitial(this::parse);

    private record Loaded(byte[] bytes, Font awt) {
    }

    Face(String resource) {
        this.resource = resource;
    }

    /** This face, then the fallbacks. */
    List<Face> chain() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(this), FALLBACK.stream().filter(f -> f != this)).toList();
    }

    boolean covers(int codePoint) {
        return awt().canDisplay(codePoint);
    }

    /** The JDK font at {@link #EM} points, for layout. Thread-safe: a Font is immutable. */
    Font awt() {
        return load().awt();
    }

    /** This thread's FontBox parse, which PDFBox embeds from. */
    TrueTypeFont trueType() {
        return parsed.get();
    }

    private Loaded load() {
        Loaded l = loaded;
        if (l == null) {
            synchronized (this) {
                if (loaded == null) {
                    byte[] bytes = read(resource);
                    try {
                        loaded = new Loaded(bytes, Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(bytes)).deriveFont(EM));
                    } catch (FontFormatException | IOException e) {
                        throw new IllegalStateException("cannot read font " + resource, e);
                    }
                }
                l = loaded;
            }
        }
        return l;
    }

    private TrueTypeFont parse() {
        try {
            return new TTFParser().parse(new RandomAccessReadBuffer(load().bytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(String path) {
        try (InputStream in = Face.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("font " + path + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
