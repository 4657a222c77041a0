package org.uclg.learning.cohorts;

import org.junit.jupiter.api.Test;
import org.uclg.learning.people.RegionalSection;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertTrue;

class CohortRequestTest {

    @Test
    void thePatternsAcceptEveryEnumValue() {
        Arrays.stream(RegionalSection.values()).forEach(s -> assertTrue(s.name().matches(CohortRequest.SECTIONS), s.name()));
        Arrays.stream(CohortKind.values()).forEach(k -> assertTrue(k.name().matches(CohortRequest.KINDS), k.name()));
    }
}
