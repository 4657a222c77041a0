package org.uclg.learning.events;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * The short code an organiser shows during an event (on a slide, aloud): six characters from an
 * alphabet without look-alikes (no 0/O, 1/I/L), so it is typed right on a phone. Only registrants
 * may use it, and only inside the event's window, so six characters (about 30 bits) are enough.
 */
public final class CheckInCode {
    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    static final int LENGTH = 6;
    private static final SecureRandom RANDOM = new SecureRandom();

    private CheckInCode() {
    }

    static String generate() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** What a person typed, as the code is stored: upper case, without spaces or dashes. */
    public static String normalize(String typed) {
        return typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    /** Compares in constant time, so the answer's timing says nothing about how much was right. */
    public static boolean matches(String expected, String typed) {
        return java.security.MessageDigest.isEqual(expected.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                normalize(typed).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
