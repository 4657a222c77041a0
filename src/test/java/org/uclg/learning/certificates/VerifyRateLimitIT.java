package org.uclg.learning.certificates;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.uclg.learning.support.Api;
import org.uclg.learning.support.IntegrationBase;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@Property(name = "learning.certificates.verify-per-minute", value = "3")
class VerifyRateLimitIT extends IntegrationBase {

    @Test
    void aClientThatVerifiesTooOftenIsToldToWait() {
        // 3 a minute: seven requests span at most two minutes, so at least one is refused
        List<Api.Response> answers = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            answers.add(api.get(i % 2 == 0 ? "/api/v1/verify/AAAA-BBBB-CCCC-DDDD" : "/verify/AAAA-BBBB-CCCC-DDDD", null));
        }
        assertEquals(404, answers.get(0).status());
        Api.Response limited = answers.stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
        assertNotNull(limited.header("Retry-After"));
        assertTrue(answers.stream().allMatch(r -> r.status() == 404 || r.status() == 429));
        assertEquals("https://learning.uclg.org/problems/too-many-requests", limited.json().get("type"));
    }
}
