package org.uclg.learning;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;
import org.uclg.learning.support.IntegrationBase;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI document as the service serves it, read by an independent parser (swagger-parser):
 * it parses without messages, and holds what a generated client needs — a summary, a success
 * response and problem+json error responses on every operation, the bearer scheme on every operation
 * that needs a token, and regular expressions that ECMAScript tools can compile and that match
 * whole values. What the service actually answers is checked against it by
 * {@link org.uclg.learning.support.Contract} in every integration test.
 */
@MicronautTest(transactional = false)
class OpenApiDocumentIT extends IntegrationBase {

    private OpenAPI served() {
        var r = api.get("/swagger/learning-api.yml", null);
        assertEquals(200, r.status());
        assertTrue(r.contentType().startsWith("application/yaml"), r.contentType());
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(r.body(), null, options);
        assertEquals(List.of(), parsed.getMessages(), "swagger-parser messages");
        assertNotNull(parsed.getOpenAPI());
        return parsed.getOpenAPI();
    }

    private static void eachOperation(OpenAPI doc, BiConsumer<String, Operation> check) {
        doc.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((PathItem.HttpMethod method, Operation op) -> check.accept(method + " " + path, op)));
    }

    @Test
    void isServedAsYamlAndParsesWithoutMessages() {
        OpenAPI doc = served();
        assertFalse(doc.getServers() == null || doc.getServers().isEmpty(), "servers");
        assertTrue(doc.getPaths().size() > 40, "paths: " + doc.getPaths().size());
    }

    @Test
    void everyOperationHasASummarySuccessAndProblemResponses() {
        List<String> wrong = new ArrayList<>();
        eachOperation(served(), (name, op) -> {
            if (op.getSummary() == null || op.getSummary().isBlank()) {
                wrong.add(name + ": no summary");
            }
            Map<String, ApiResponse> responses = op.getResponses();
            if (responses.keySet().stream().noneMatch(code -> code.startsWith("2"))) {
                wrong.add(name + ": no success response");
            }
            boolean problem4xx = responses.entrySet().stream().anyMatch(e -> e.getKey().startsWith("4")
                    && e.getValue().getContent() != null && e.getValue().getContent().containsKey("application/problem+json"));
            if (!problem4xx) {
                wrong.add(name + ": no 4xx application/problem+json response");
            }
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void operationsThatNeedATokenDeclareTheBearerScheme() {
        OpenAPI doc = served();
        SecurityScheme bearer = doc.getComponents().getSecuritySchemes().get("bearer");
        assertEquals(SecurityScheme.Type.HTTP, bearer.getType());
        assertEquals("bearer", bearer.getScheme());
        List<String> wrong = new ArrayList<>();
        eachOperation(doc, (name, op) -> {
            boolean secured = op.getSecurity() != null && !op.getSecurity().isEmpty();
            boolean says401 = op.getResponses().containsKey("401");
            if (secured && op.getSecurity().stream().anyMatch(req -> !req.containsKey("bearer"))) {
                wrong.add(name + ": a security requirement without the bearer scheme");
            }
            // a token-only operation documents 401; login documents it for wrong credentials
            if (secured != says401 && !name.endsWith("/auth/login")) {
                wrong.add(name + (secured ? ": secured but no 401 response" : ": 401 documented but no security requirement"));
            }
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void patternsAreAnchoredAndPortableAndNullableHasAType() {
        OpenAPI doc = served();
        List<String> wrong = new ArrayList<>();
        Set<Schema<?>> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        doc.getComponents().getSchemas().forEach((name, schema) -> walk(name, schema, wrong, seen));
        eachOperation(doc, (name, op) -> {
            if (op.getParameters() != null) {
                op.getParameters().forEach(p -> walk(name + " ?" + p.getName(), p.getSchema(), wrong, seen));
            }
        });
        assertEquals(List.of(), wrong);
    }

    @SuppressWarnings("rawtypes")
    private static void walk(String where, Schema<?> schema, List<String> wrong, Set<Schema<?>> seen) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        String pattern = schema.getPattern();
        if (pattern != null) {
            if (!pattern.startsWith("^") || !pattern.endsWith("$")) {
                wrong.add(where + ": pattern not anchored: " + pattern);
            }
            // Java-only constructs that ECMAScript regular expressions reject
            if (pattern.matches(".*\\\\p\\{(Cntrl|Alpha|Digit|Alnum|Punct|Graph|Print|Blank|Space|Lower|Upper|XDigit|javaLetter)\\}.*")
                    || pattern.contains("\\A") || pattern.contains("\\Z") || pattern.contains("(?<") && !pattern.contains("(?<=")
                    && !pattern.contains("(?<!") || pattern.contains("*+") || pattern.contains("++")) {
                wrong.add(where + ": pattern uses a construct ECMAScript lacks: " + pattern);
            }
        }
        if (Boolean.TRUE.equals(schema.getNullable()) && schema.getType() == null && schema.get$ref() == null) {
            wrong.add(where + ": nullable without a type");
        }
        if (schema.getProperties() != null) {
            for (Map.Entry<String, Schema> e : schema.getProperties().entrySet()) {
                walk(where + "." + e.getKey(), e.getValue(), wrong, seen);
            }
        }
        walk(where + "[]", schema.getItems(), wrong, seen);
        if (schema.getAdditionalProperties() instanceof Schema<?> additional) {
            walk(where + "{}", additional, wrong, seen);
        }
        if (schema.getAllOf() != null) {
            schema.getAllOf().forEach(s -> walk(where, s, wrong, seen));
        }
    }
}
