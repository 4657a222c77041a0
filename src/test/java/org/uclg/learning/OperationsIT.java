package org.uclg.learning;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.uclg.learning.support.IntegrationBase;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class OperationsIT extends IntegrationBase {

    @Test
    void healthIsPublicAndShowsTheDatabaseToSignedInCallers() {
        var anonymous = api.get("/health", null);
        assertEquals(200, anonymous.status(), anonymous.body());
        assertEquals("UP", anonymous.json().get("status"));
        assertTrue(!anonymous.body().contains("jdbc:postgresql"), anonymous.body());
        var r = api.get("/health", api.adminToken());
        assertEquals("UP", r.json().get("status"));
        Map<String, Object> details = (Map<String, Object>) r.json().get("details");
        assertEquals("UP", ((Map<String, Object>) details.get("jdbc")).get("status"), r.body());
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
