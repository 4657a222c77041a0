package org.uclg.learning.shared;

import java.time.Duration;
import java.util.List;

public class TooManyRequestsException extends ProblemException {
    private final Duration retryAfter;

    public TooManyRequestsException(String detail, Duration retryAfter) {
        super(429, "too-many-requests", "Too many requests", detail, List.of());
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
