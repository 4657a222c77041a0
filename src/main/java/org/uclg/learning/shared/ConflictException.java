package org.uclg.learning.shared;

import java.util.List;

public class ConflictException extends ProblemException {
    public ConflictException(String type, String detail) {
        super(409, type, "Conflict", detail, List.of());
    }

    public ConflictException(String type, String detail, String field) {
        super(409, type, "Conflict", detail, List.of(new FieldError(field, detail)));
    }
}
