package org.uclg.learning.shared;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RequestGuardTest {
    private static String refusedField(String json) {
        ValidationException e = assertThrows(ValidationException.class,
                () -> RequestGuard.checkJson(json.getBytes(StandardCharsets.UTF_8)));
        return e.errors().get(0).field();
    }

    @Test
    void namesTheJsonPathOfANulCharacter() {
        assertEquals("fullName", refusedField("{\"fullName\":\"a\\u0000\"}"));
        assertEquals("venue.name", refusedField("{\"title\":\"t\",\"venue\":{\"city\":\"x\",\"name\":\"\\u0000\"}}"));
        assertEquals("userIds[1]", refusedField("{\"userIds\":[\"x\",\"\\u0000\"]}"));
        assertEquals("items[0].x", refusedField("{\"items\":[{\"x\":\"\\u0000\"}]}"));
        assertEquals("body", refusedField("\"\\u0000\""));
    }

    @Test
    void refusesDataAfterTheValueAndLeavesMalformedJsonToTheBinder() {
        for (String trailing : List.of("{} {}", "{\"a\":1} x", "[] []", "1 2", "{}}")) {
            assertEquals("body", refusedField(trailing), trailing);
        }
        for (String fine : List.of("{}", " {\"a\":[1,2,{\"b\":null}]} \n", "", "{\"a\":", "[[[")) {
            assertDoesNotThrow(() -> RequestGuard.checkJson(fine.getBytes(StandardCharsets.UTF_8)), fine);
        }
    }
}
