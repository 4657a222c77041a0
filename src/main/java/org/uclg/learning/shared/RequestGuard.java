package org.uclg.learning.shared;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.body.ByteBody;
import io.micronaut.http.body.CloseableAvailableByteBody;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteMatch;
import java.util.concurrent.CompletableFuture;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Input that no field may hold, refused once for every route before any controller sees it:
 * a NUL character (PostgreSQL cannot store one in text) in a path segment, a query parameter or a
 * JSON string, and data after the JSON value of a body. Each is a 400 naming the field: the path
 * variable, the query parameter or the JSON property path ({@code venue.name}, {@code userIds[2]}).
 * Runs before security, on the event loop where the body arrives (the token check continues on a
 * blocking thread, where the body may not be split any more), so a NUL is a 400 even for an
 * anonymous caller; the body is read once, as a stream, in time linear in its size (bodies are
 * capped by {@code micronaut.server.max-request-size}).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class RequestGuard implements Ordered {
    static final String NUL_MESSAGE = "must not contain NUL characters";
    static final String TRAILING_MESSAGE = "unexpected data after the JSON value";
    private static final JsonFactory JSON = JsonFactory.builder().build();

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }

    /** The request itself (go on) or an error; the body check completes once the body has arrived. */
    @RequestFilter
    CompletableFuture<HttpRequest<?>> guard(HttpRequest<?> request) {
        checkPath(request);
        for (Map.Entry<String, List<String>> parameter : request.getParameters()) {
            if (hasNul(parameter.getKey()) || parameter.getValue().stream().anyMatch(RequestGuard::hasNul)) {
                throw new ValidationException(bounded(parameter.getKey()), NUL_MESSAGE);
            }
        }
        boolean json = request.getContentType().map(t -> t.getSubtype().equals("json") || t.getSubtype().endsWith("+json"))
                .orElse(false);
        if (!json || !(request instanceof ServerHttpRequest<?> server)) {
            return CompletableFuture.completedFuture(request);
        }
        return server.byteBody().split(ByteBody.SplitBackpressureMode.NEW).buffer().thenApply(body -> {
            try (CloseableAvailableByteBody b = body) {
                checkJson(b.toByteArray());
            }
            return (HttpRequest<?>) request;
        });
    }

    private static void checkPath(HttpRequest<?> request) {
        String path = request.getPath();
        if (!hasNul(path) && !path.contains("%00")) {
            return;
        }
        String field = RouteAttributes.getRouteMatch(request)
                .filter(UriRouteMatch.class::isInstance)
                .flatMap(m -> ((UriRouteMatch<?, ?>) m).getVariableValues().entrySet().stream()
                        .filter(e -> e.getValue() != null && hasNul(e.getValue().toString()))
                        .map(Map.Entry::getKey).findFirst())
                .orElse("path");
        throw new ValidationException(field, NUL_MESSAGE);
    }

    /**
     * Streams through the JSON once. Malformed JSON is left to the body binder, which answers
     * "not valid JSON"; here only what the binder would silently accept is refused.
     */
    static void checkJson(byte[] body) {
        boolean complete = false;
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() == null) {
                return;
            }
            int depth = 0;
            JsonToken token = parser.currentToken();
            while (token != null) {
                switch (token) {
                    case START_OBJECT, START_ARRAY -> depth++;
                    case END_OBJECT, END_ARRAY -> depth--;
                    case FIELD_NAME -> {
                        if (hasNul(parser.currentName())) {
                            throw new ValidationException("body", "property names " + NUL_MESSAGE);
                        }
                    }
                    case VALUE_STRING -> {
                        if (hasNul(parser.getText())) {
                            throw new ValidationException(field(parser), NUL_MESSAGE);
                        }
                    }
                    default -> {
                    }
                }
                if (depth == 0) {
                    break;
                }
                token = parser.nextToken();
            }
            complete = true;
            if (parser.nextToken() != null) {
                throw new ValidationException("body", TRAILING_MESSAGE);
            }
        } catch (IOException e) {
            if (complete) {
                throw new ValidationException("body", TRAILING_MESSAGE);
            }
            // malformed JSON: the body binder answers "not valid JSON"
        }
    }

    /** The JSON path of the current value: {@code venue.name}, {@code userIds[2]}. */
    private static String field(JsonParser parser) {
        StringBuilder path = new StringBuilder();
        for (var ctx = parser.getParsingContext(); ctx != null && !ctx.inRoot(); ctx = ctx.getParent()) {
            String part = ctx.inArray() ? "[" + ctx.getCurrentIndex() + "]" : bounded(ctx.getCurrentName());
            path.insert(0, path.isEmpty() || path.charAt(0) == '[' ? part : part + ".");
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String bounded(@Nullable String name) {
        if (name == null) {
            return "";
        }
        return name.length() > 100 ? name.substring(0, 100) + "…" : name;
    }

    private static boolean hasNul(@Nullable String value) {
        return value != null && value.indexOf('\0') >= 0;
    }
}
