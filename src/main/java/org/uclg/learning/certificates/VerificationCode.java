package org.uclg.learning.certificates;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Verification codes: 16 Crockford base32 characters, 80 random bits, printed in groups of four
 * ({@code 7KQ4-M2XD-9HRT-WP3C}). Typing is forgiving: case, dashes and spaces do not matter, and
 * O/I/L read as 0/1/1, the letters Crockford's alphabet leaves out.
 */
public final class VerificationCode {
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private VerificationCode() {
    }

    static String generate() {
        StringBuilder code = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(32)));
        }
        return code.toString();
    }

    /** The stored form of what someone typed, or null when it cannot be a code. */
    public static String normalize(String typed) {
        if (typed == null) {
            return null;
        }
        String s = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "")
                .replace('O', '0').replace('I', '1').replace('L', '1');
        if (s.length() != 16) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            if (ALPHABET.indexOf(s.charAt(i)) < 0) {
                return null;
            }
        }
        return s;
    }

    public static String display(String code) {
        return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8, 12) + "-" + code.substring(12);
    }
}
