package org.uclg.learning.shared;

import java.util.List;

public class ForbiddenException extends ProblemException {
    public ForbiddenException(String detail) {
        super(403, "forbidden", "Forbidden", detail, List.of());
    }
}
