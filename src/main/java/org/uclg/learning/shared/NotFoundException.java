package org.uclg.learning.shared;

import java.util.List;

public class NotFoundException extends ProblemException {
    public NotFoundException(String what, Object id) {
        super(404, "not-found", "Not found", what + " " + id + " does not exist", List.of());
    }
}
