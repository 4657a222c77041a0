package org.uclg.learning.shared;

import java.util.List;

public class ValidationException extends ProblemException {
    public ValidationException(List<FieldError> errors) {
        super(400, "validation", "Invalid request", summary(errors), errors);
    }

    public ValidationException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    private static String summary(List<FieldError> errors) {
        return errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b)
                .orElse("the request is not valid");
    }
}
