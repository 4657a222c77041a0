package org.uclg.learning.certificates;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerificationCodeTest {
    @Test
    void aCodeIsSixteenCrockfordCharactersPrintedInFours() {
        String code = VerificationCode.generate();
        assertTrue(code.matches("[0-9A-HJKMNP-TV-Z]{16}"), code);
        assertTrue(VerificationCode.display(code).matches("(\\w{4}-){3}\\w{4}"));
        assertEquals(code, VerificationCode.normalize(VerificationCode.display(code)));
    }

    @Test
    void typingIsForgiving() {
        assertEquals("7KQ4M2XD9HRTWP3C", VerificationCode.normalize(" 7kq4-m2xd 9hrt-wp3c "));
        assertEquals("0110000000000000", VerificationCode.normalize("OIL0-0000-0000-0000"), "O, I and L read as 0, 1 and 1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "7KQ4-M2XD-9HRT-WP3", "7KQ4-M2XD-9HRT-WP3CC", "7KQ4-M2XD-9HRT-WP3U", "7KQ4\u0000M2XD9HRTWP3C", "ÄKQ4M2XD9HRTWP3C"})
    void anythingElseIsNoCode(String typed) {
        assertNull(VerificationCode.normalize(typed));
    }

    @Test
    void codesDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(seen.add(VerificationCode.generate()));
        }
    }
}
