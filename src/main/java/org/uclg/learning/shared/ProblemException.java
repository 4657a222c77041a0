package org.uclg.learning.shared;

import java.util.List;

/**
 * A domain failure that the API reports as RFC 9457 problem+json. The {@code type} is a stable
 * slug clients can switch on; it becomes {@code https://learning.uclg.org/problems/<type>}.
 */
public abstract class ProblemException extends RuntimeException {
    private final int status;
    private final String type;
    private final String title;
    private final List<FieldError> errors;

    protected ProblemException(int status, String type, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** One rejected input, named by its JSON field path (e.g. {@code email}, {@code sections[2].key}). */
    @io.micronaut.serde.annotation.Serdeable
    public record FieldError(String field, String message) {
    }
}
