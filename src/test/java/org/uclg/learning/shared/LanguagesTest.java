package org.uclg.learning.shared;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LanguagesTest {
    @Test
    void queryParameterWinsOverHeader() {
        assertEquals("fr", Languages.negotiate("fr", "es"));
        assertEquals("es", Languages.negotiate("ES-mx", null));
    }

    @Test
    void unsupportedQueryFallsBackToHeaderThenEnglish() {
        assertEquals("es", Languages.negotiate("de", "de-DE,es;q=0.8"));
        assertEquals("en", Languages.negotiate("de", null));
    }

    @Test
    void headerPicksTheBestSupportedLanguage() {
        assertEquals("fr", Languages.negotiate(null, "fr-SN,fr;q=0.9,en;q=0.8"));
        assertEquals("en", Languages.negotiate(null, "ja,zh;q=0.9"));
        assertEquals("en", Languages.negotiate(null, "not a header;;;"));
    }

    @Test
    void theValidationPatternNamesExactlyTheSupportedLanguages() {
        // anchored, so that ECMAScript validators of the OpenAPI document match the whole value too
        assertEquals("^(" + String.join("|", Languages.SUPPORTED) + ")$", Languages.PATTERN);
    }
}
