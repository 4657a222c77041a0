package org.uclg.learning.support;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Real HTTP against the running test server, without the exceptions a client throws on 4xx, so
 * tests assert on status, headers and the problem+json body alike.
 */
public final class Api {
    public static final String ADMIN_EMAIL = "admin@test.local";
    public static final String ADMIN_PASSWORD = "admin-password-for-tests";

    private final URI base;
    private final JsonMapper json;
    private final HttpClient http = HttpClient.newHttpClient();

    public Api(EmbeddedServer server, JsonMapper json) {
        this.base = server.getURI();
        this.json = json;
    }

    /** The running server's address, for tools outside the JVM (a browser). */
    public URI baseUri() {
        return base;
    }

    public record Response(int status, HttpHeaders headers, String body, JsonMapper mapper) {
        public Map<String, Object> json() {
            try {
                return mapper.readValue(body, Argument.mapOf(String.class, Object.class));
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        public List<Map<String, Object>> jsonList() {
            try {
                return mapper.readValue(body, Argument.listOf(Argument.mapOf(String.class, Object.class)));
            } catch (IOException e) {
                throw new AssertionError("not a JSON list: " + body, e);
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }
    }

    public Response get(String path, String token, String... headers) {
        return send(request(path, token, headers).GET(), null);
    }

    /** A binary download (a PDF): status, headers and the bytes. */
    public record Bytes(int status, HttpHeaders headers, byte[] body) {
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    public Bytes getBytes(String path, String token) {
        try {
            HttpRequest request = request(path, token).GET().build();
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            String contentType = r.headers().firstValue("Content-Type").orElse("");
            boolean text = contentType.contains("json") || contentType.startsWith("text/");
            Contract.check(request.method(), request.uri(), request.headers().map(), null, r.statusCode(), r.headers(),
                    new String(r.body(), text ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1));
            return new Bytes(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Parses a JSON object that did not come in a response body (e.g. a JWT's payload). */
    public Map<String, Object> parse(String jsonText) {
        return new Response(200, null, jsonText, json).json();
    }

    public Response post(String path, Object body, String token) {
        String json = toJson(body);
        return send(request(path, token, "Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)), json);
    }

    /** A JSON POST with extra headers, name then value (e.g. {@code X-Forwarded-For} to stand for another client). */
    public Response post(String path, Object body, String token, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/json";
        System.arraycopy(headers, 0, all, 2, headers.length);
        String json = toJson(body);
        return send(request(path, token, all).POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)), json);
    }

    public Response postRaw(String path, String contentType, byte[] body, String token) {
        // multipart and other binary bodies are checked for their content type, as text for the rest
        String asText = new String(body, contentType.startsWith("multipart/") ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        return send(request(path, token, "Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)), asText);
    }

    public Response put(String path, Object body, String token) {
        String json = toJson(body);
        return send(request(path, token, "Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)), json);
    }

    public Response delete(String path, String token) {
        return send(request(path, token).DELETE(), null);
    }

    private HttpRequest.Builder request(String path, String token, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(java.time.Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return b;
    }

    /** Sends, and checks the exchange against the OpenAPI document ({@link Contract}). */
    private Response send(HttpRequest.Builder builder, String requestBody) {
        try {
            HttpRequest request = builder.build();
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Contract.check(request.method(), request.uri(), request.headers().map(), requestBody, r.statusCode(), r.headers(), r.body());
            return new Response(r.statusCode(), r.headers(), r.body(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String toJson(Object body) {
        if (body instanceof String s) {
            return s;
        }
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- fixtures -------------------------------------------------------------------------

    /** A unique email, so tests never collide on each other's rows. */
    public static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    public static Map<String, Object> registration(String email, String fullName) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", email);
        body.put("password", "correct horse battery");
        body.put("fullName", fullName);
        body.put("preferredLanguage", "fr");
        body.put("country", "SN");
        body.put("regionalSection", "AFRICA");
        body.put("organization", "Ville de Dakar");
        body.put("organizationType", "LOCAL_GOVERNMENT");
        return body;
    }

    /** Registers a learner and returns its id. */
    public String registerLearner(String email, String fullName) {
        Response r = post("/api/v1/auth/register", registration(email, fullName), null);
        if (r.status() != 201) {
            throw new AssertionError("registration failed: " + r.status() + " " + r.body());
        }
        return (String) r.json().get("id");
    }

    public String login(String email, String password) {
        Response r = post("/api/v1/auth/login", Map.of("username", email, "password", password), null);
        if (r.status() != 200) {
            throw new AssertionError("login failed: " + r.status() + " " + r.body());
        }
        return (String) r.json().get("access_token");
    }

    public String adminToken() {
        return login(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    /** A new learner, logged in: {id, email, token}. */
    public Account newLearner(String prefix) {
        String email = uniqueEmail(prefix);
        String id = registerLearner(email, "Learner " + prefix);
        return new Account(id, email, login(email, "correct horse battery"));
    }

    public record Account(String id, String email, String token) {
    }
}
