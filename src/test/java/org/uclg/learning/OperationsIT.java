package org.uclg.learning;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.uclg.learning.support.IntegrationBase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class OperationsIT extends IntegrationBase {

    @Test
    void healthIsPublicAndShowsNoDatabaseDetailsToAnyone() {
        var anonymous = api.get("/health", null);
        assertEquals(200, anonymous.status(), anonymous.body());
        assertEquals("UP", anonymous.json().get("status"));
        assertTrue(!anonymous.body().contains("jdbc:postgresql"), anonymous.body());
        for (String token : new String[]{fx.learner("health").token(), api.adminToken()}) {
            var r = api.get("/health", token);
            assertEquals("UP", r.json().get("status"), r.body());
            assertTrue(!r.body().contains("jdbc:") && !r.json().containsKey("details"), r.body());
        }
    }

    @Test
    void servesTheGeneratedOpenApiDocumentAndSwaggerUiFromTheJar() {
        var doc = api.get("/swagger/learning-api.yml", null);
        assertEquals(200, doc.status());
        for (String path : new String[]{"/api/v1/modules/{code}", "/api/v1/auth/register", "/api/v1/auth/login", "/api/v1/me",
                "/api/v1/users/{id}/roles", "/api/v1/regional-sections"}) {
            assertTrue(doc.body().contains(path + ":"), "OpenAPI lacks " + path);
        }
        var ui = api.get("/swagger-ui/index.html", null);
        assertEquals(200, ui.status());
        assertTrue(ui.body().contains("/swagger-ui/res/swagger-ui-bundle.js"));
        assertEquals(200, api.get("/swagger-ui/res/swagger-ui-bundle.js", null).status());
    }
}
