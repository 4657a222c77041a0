package org.uclg.learning.shared;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Browser protections on every response: {@code X-Content-Type-Options: nosniff} everywhere, and on
 * every HTML page a {@code Content-Security-Policy}, {@code X-Frame-Options: DENY} and a
 * {@code Referrer-Policy}. A page that needs more than the default policy sets its own (the
 * verification page allows its inline style by a nonce); Swagger UI gets one that allows its own
 * scripts and styles and the hash of its one inline script, and nothing from elsewhere.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class SecurityHeaders {
    public static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";
    /** Nothing but same-origin images and styles; no scripts, forms, plugins or framing. */
    static final String DEFAULT_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors 'none'";
    private static final String SWAGGER_UI = "/swagger-ui/";
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL);

    private final String swaggerPolicy;

    SecurityHeaders() {
        StringBuilder scripts = new StringBuilder("'self'");
        for (String hash : inlineScriptHashes("META-INF/swagger/views/swagger-ui/index.html")) {
            scripts.append(" 'sha256-").append(hash).append('\'');
        }
        // Swagger UI sets style attributes from its scripts, hence 'unsafe-inline' for styles (never for scripts)
        this.swaggerPolicy = "default-src 'none'; script-src " + scripts + "; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }

    @ResponseFilter
    void protect(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.getHeaders().set("X-Content-Type-Options", "nosniff");
        if (!isHtml(request, response)) {
            return;
        }
        if (!response.getHeaders().contains(CONTENT_SECURITY_POLICY)) {
            response.getHeaders().set(CONTENT_SECURITY_POLICY,
                    request.getPath().startsWith(SWAGGER_UI) ? swaggerPolicy : DEFAULT_POLICY);
        }
        response.getHeaders().set("X-Frame-Options", "DENY");
        response.getHeaders().set("Referrer-Policy", "no-referrer");
    }

    /** By the content type, or, for a static file whose type is set only when it is written, by its name. */
    private static boolean isHtml(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String type = response.getHeaders().get(HttpHeaders.CONTENT_TYPE);
        if (type != null) {
            return type.startsWith(MediaType.TEXT_HTML);
        }
        String path = request.getPath();
        return response.getContentType().map(t -> t.getName().equals(MediaType.TEXT_HTML))
                .orElse(path.endsWith(".html") || path.endsWith("/"));
    }

    /** The CSP hashes of a classpath page's inline scripts; none when the page is not there. */
    static List<String> inlineScriptHashes(String resource) {
        List<String> hashes = new ArrayList<>();
        try (InputStream in = SecurityHeaders.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return hashes;
            }
            Matcher m = INLINE_SCRIPT.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            while (m.find()) {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(m.group(1).getBytes(StandardCharsets.UTF_8));
                hashes.add(Base64.getEncoder().encodeToString(digest));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return hashes;
    }
}
