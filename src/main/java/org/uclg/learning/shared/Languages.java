package org.uclg.learning.shared;

import java.util.List;
import java.util.Locale;

/** The three working languages of the platform and how a request chooses one. */
public final class Languages {
    public static final List<String> SUPPORTED = List.of("en", "es", "fr");
    /** {@link #SUPPORTED} as a bean-validation pattern (annotations need a constant; LanguagesTest keeps the two equal). */
    public static final String PATTERN = "^(en|es|fr)$";
    public static final String PATTERN_MESSAGE = "must be one of en, es, fr";
    public static final String DEFAULT = "en";

    private Languages() {
    }

    public static boolean isSupported(String lang) {
        return lang != null && SUPPORTED.contains(lang);
    }

    /** {@code ?lang=} wins, then the best match of {@code Accept-Language}, then English. */
    public static String negotiate(String langParam, String acceptLanguage) {
        if (langParam != null && !langParam.isBlank()) {
            String lang = langParam.trim().toLowerCase(Locale.ROOT);
            int dash = lang.indexOf('-');
            lang = dash > 0 ? lang.substring(0, dash) : lang;
            if (isSupported(lang)) {
                return lang;
            }
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
                String match = Locale.lookupTag(ranges, SUPPORTED);
                if (match != null) {
                    return match;
                }
            } catch (IllegalArgumentException ignored) {
                // a malformed header is treated as absent
            }
        }
        return DEFAULT;
    }
}
