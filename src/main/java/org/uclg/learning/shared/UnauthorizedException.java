package org.uclg.learning.shared;

import java.util.List;

public class UnauthorizedException extends ProblemException {
    public UnauthorizedException(String detail) {
        super(401, "unauthorized", "Unauthorized", detail, List.of());
    }
}
