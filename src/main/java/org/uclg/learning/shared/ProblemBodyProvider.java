package org.uclg.learning.shared;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.serde.exceptions.InvalidPropertyFormatException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns every error Micronaut or our code raises into problem+json, so that framework errors
 * (bad JSON, unknown routes, oversized bodies, security) and domain errors look the same.
 */
@Singleton
@Replaces(JsonErrorResponseBodyProvider.class)
final class ProblemBodyProvider implements JsonErrorResponseBodyProvider<Problem> {

    /** Serde names the failing property like "[String email]" or "[Country country]". */
    private static final Pattern SERDE_PROPERTY = Pattern.compile("property \\[(?:[^\\]]* )?([A-Za-z_][A-Za-z0-9_]*)\\]");

    /** How much of a message (and so of the input it may quote) an error echoes. */
    static final int MAX_MESSAGE = 300;
    static final int MAX_ERRORS = 50;
    private static final Pattern JAVA_NAME = Pattern.compile("[a-z]+(\\.[a-z0-9_]+)+\\.([A-Z][A-Za-z0-9_$]*)");

    @Override
    public String contentType() {
        return Problem.MEDIA_TYPE;
    }

    @Override
    public Problem body(ErrorContext ctx, HttpResponse<?> response) {
        int status = response.code();
        String instance = excerpt(ctx.getRequest().getPath(), 2 * MAX_MESSAGE);
        if (ctx.getRootCause().orElse(null) instanceof ProblemException p) {
            List<ProblemException.FieldError> errors = p.errors().stream().limit(MAX_ERRORS)
                    .map(e -> new ProblemException.FieldError(bounded(e.field()), bounded(e.message()))).toList();
            return new Problem(Problem.TYPE_BASE + p.type(), p.title(), status, bounded(p.getMessage()), instance, errors);
        }
        HttpStatus httpStatus = HttpStatus.valueOf(status);
        String title = httpStatus.getReason();
        if (status >= 500) {
            return new Problem(Problem.TYPE_BASE + "internal", title, status,
                    "An unexpected error occurred; it has been logged.", instance, List.of());
        }
        String jsonField = ctx.getRootCause().map(ProblemBodyProvider::jsonField).orElse(null);
        List<ProblemException.FieldError> errors = ctx.getErrors().stream().limit(MAX_ERRORS)
                .filter(e -> jsonField != null || e.getPath().isPresent() || fieldOf(e.getMessage()) != null)
                .map(e -> new ProblemException.FieldError(jsonField != null ? jsonField : fieldName(e), clean(e.getMessage())))
                .toList();
        String detail = ctx.getErrors().stream().map(e -> clean(e.getMessage())).findFirst().orElse(title);
        return new Problem(Problem.TYPE_BASE + slug(status), title, status, detail, instance, errors);
    }

    /** The JSON property whose value failed to bind, e.g. an unknown enum value; none for JSON that does not parse. */
    private static String jsonField(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InvalidPropertyFormatException e && e.getArgument() != null) {
                return e.getArgument().getName();
            }
            String fromMessage = fieldOf(t.getMessage());
            if (fromMessage != null) {
                return fromMessage;
            }
        }
        return null;
    }

    private static String fieldName(Error e) {
        String fromMessage = fieldOf(e.getMessage());
        return fromMessage != null ? fromMessage : e.getPath().orElse("body");
    }

    private static String fieldOf(String message) {
        if (message == null) {
            return null;
        }
        Matcher m = SERDE_PROPERTY.matcher(excerpt(message, 2 * MAX_MESSAGE));
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        return last;
    }

    /**
     * Keeps messages useful to a client without echoing Java class names. Linear in the message:
     * the prefixes are cut with {@code indexOf}, and the one regular expression runs on a bounded
     * excerpt, so a megabyte of input costs no more than a short one.
     */
    static String clean(String message) {
        if (message == null) {
            return "invalid value";
        }
        if (message.startsWith("Invalid JSON")) {
            return "the body is not valid JSON";
        }
        String m = message;
        if (m.startsWith("Failed to convert argument [")) {
            int due = m.indexOf(" due to: ");
            if (due >= 0) {
                m = m.substring(due + " due to: ".length());
            }
        }
        int source = m.indexOf("at [Source:");
        if (source >= 0) {
            m = m.substring(0, source).stripTrailing();
        }
        m = JAVA_NAME.matcher(excerpt(m, 2 * MAX_MESSAGE)).replaceAll("$2");
        return bounded(m);
    }

    /** At most {@link #MAX_MESSAGE} characters of a message, never half a surrogate pair. */
    static String bounded(String message) {
        return message == null || message.length() <= MAX_MESSAGE ? message : excerpt(message, MAX_MESSAGE) + "…";
    }

    private static String excerpt(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end);
    }

    private static String slug(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 413 -> "payload-too-large";
            case 414 -> "uri-too-long";
            case 431 -> "request-header-fields-too-large";
            case 503 -> "service-unavailable";
            case 415 -> "unsupported-media-type";
            case 429 -> "too-many-requests";
            default -> "http-" + status;
        };
    }
}
