package org.uclg.learning.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

/**
 * Checks every request the integration tests send through {@link Api}, and every answer, against
 * the OpenAPI document the build generates, with an independent validator (Atlassian's
 * swagger-request-validator, whose JSON Schema engine is not the one that wrote the document).
 * <p>
 * A request the document allows must get an answer the document describes: its status, content
 * type and body. A request the document does not allow (a test of bad input) must get a 4xx that
 * the document describes. Mismatches are collected and reported together after each test class,
 * which then fails ({@link IntegrationBase} registers this as a JUnit extension).
 * <p>
 * Paths outside the API (health, the OpenAPI files and Swagger UI) are not in the document and are
 * not checked.
 */
public final class Contract implements AfterAllCallback {
    public static final String DOCUMENT = "META-INF/swagger/learning-api.yml";
    private static final List<String> OUTSIDE_THE_API = List.of("/health", "/swagger/", "/swagger-ui/");
    private static final Queue<String> MISMATCHES = new ConcurrentLinkedQueue<>();
    private static volatile OpenApiInteractionValidator validator;

    /** The generated document, as the running service serves it from the jar. */
    public static String document() {
        try (InputStream in = Contract.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is not on the classpath: the build did not generate it");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OpenApiInteractionValidator validator() {
        if (validator == null) {
            synchronized (Contract.class) {
                if (validator == null) {
                    validator = OpenApiInteractionValidator.createForInlineApiSpecification(document())
                            // tests habitually POST {} to operations that take no body; the service ignores it
                            .withLevelResolver(LevelResolver.create()
                                    .withLevel("validation.request.body.unexpected", ValidationReport.Level.IGNORE).build())
                            .build();
                }
            }
        }
        return validator;
    }

    /** One exchange as the test client saw it; a binary answer's body comes as ISO-8859-1 text (present, not parsed). */
    static void check(String method, URI uri, Map<String, List<String>> requestHeaders, String requestBody,
                      int status, HttpHeaders responseHeaders, String responseBody) {
        String path = uri.getRawPath();
        if (OUTSIDE_THE_API.stream().anyMatch(path::startsWith)) {
            return;
        }
        String decodedPath = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        var request = new SimpleRequest.Builder(method, decodedPath);
        requestHeaders.forEach(request::withHeader);
        if (requestBody != null) {
            request.withBody(requestBody);
        }
        query(uri.getRawQuery()).forEach(request::withQueryParam);
        var response = SimpleResponse.Builder.status(status);
        responseHeaders.map().forEach((name, values) -> {
            if (!name.equals(":status")) {
                response.withHeader(name, values);
            }
        });
        if (responseBody != null && !responseBody.isEmpty()) {
            response.withBody(responseBody);
        }
        OpenApiInteractionValidator v = validator();
        ValidationReport requestReport = v.validateRequest(request.build());
        boolean unknownPath = requestReport.getMessages().stream().anyMatch(m -> m.getKey().equals("validation.request.path.missing"));
        if (unknownPath && status == 404) {
            return; // a path the API does not have, answered as such
        }
        ValidationReport responseReport = v.validateResponse(decodedPath, Request.Method.valueOf(method), response.build());
        List<String> problems = new ArrayList<>();
        if (status >= 500) {
            problems.add("a server error is never part of the contract");
        }
        if (requestReport.hasErrors() && status < 400) {
            problems.add("the document forbids this request, the service answered " + status + ": " + messages(requestReport));
        }
        if (responseReport.hasErrors()) {
            problems.add("the answer disagrees with the document: " + messages(responseReport));
        }
        if (!problems.isEmpty()) {
            String body = responseBody == null ? "(binary)" : abbreviate(responseBody);
            MISMATCHES.add(method + " " + uri.getPath() + " → " + status + "\n    " + String.join("\n    ", problems)
                    + "\n    body: " + body);
        }
    }

    private static String messages(ValidationReport report) {
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> "[" + m.getKey() + "] " + m.getMessage())
                .collect(Collectors.joining(" | "));
    }

    private static String abbreviate(String s) {
        return s.length() <= 400 ? s : s.substring(0, 400) + "…";
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    /** Fails the test class that made exchanges the document does not describe, listing all of them. */
    @Override
    public void afterAll(ExtensionContext context) {
        List<String> found = new ArrayList<>();
        for (String m; (m = MISMATCHES.poll()) != null; ) {
            found.add(m);
        }
        if (!found.isEmpty()) {
            throw new AssertionError(found.size() + " exchange(s) disagree with the OpenAPI document "
                    + "(fix the annotations that generate it, or the service):\n" + String.join("\n", found));
        }
    }
}
