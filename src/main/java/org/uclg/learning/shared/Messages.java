package org.uclg.learning.shared;

import com.ibm.icu.text.MessageFormat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Learner-facing texts from {@code i18n/messages_{en,es,fr}.properties}, formatted with ICU
 * MessageFormat so plurals follow each language's rules ("1 hour", "2 hours"). A language outside
 * {@link Languages#SUPPORTED} gets English.
 */
public final class Messages {
    static final String BUNDLE = "i18n.messages";
    private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control.getNoFallbackControl(
            ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final Map<String, MessageFormat> FORMATS = new ConcurrentHashMap<>();

    private Messages() {
    }

    /** The text of {@code key} in {@code lang}, with its arguments filled in. */
    public static String get(String lang, String key, Object... args) {
        String language = Languages.isSupported(lang) ? lang : Languages.DEFAULT;
        MessageFormat format = FORMATS.computeIfAbsent(language + ":" + key, k -> new MessageFormat(
                bundle(language).getString(key), Locale.forLanguageTag(language)));
        synchronized (format) {
            return format.format(args);
        }
    }

    /** The text of {@code key} in {@code lang} with named arguments ({@code {name}}, {@code {link}}). */
    public static String named(String lang, String key, Map<String, ?> args) {
        String language = Languages.isSupported(lang) ? lang : Languages.DEFAULT;
        MessageFormat format = FORMATS.computeIfAbsent(language + ":" + key, k -> new MessageFormat(
                bundle(language).getString(key), Locale.forLanguageTag(language)));
        synchronized (format) {
            return format.format(args);
        }
    }

    /** A calendar date as people of that language write it ("2 December 2026", "2 de diciembre de 2026"). */
    public static String date(String lang, LocalDate date) {
        String language = Languages.isSupported(lang) ? lang : Languages.DEFAULT;
        return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.forLanguageTag(language)));
    }

    static ResourceBundle bundle(String language) {
        try {
            return ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(language), Messages.class.getClassLoader(), NO_FALLBACK);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no message bundle for " + language, e);
        }
    }
}
