package org.uclg.learning.shared;

import java.util.ArrayList;
import java.util.List;

/** The one paging rule of every list: {@code ?page=0&size=50}, pages from 0, at most {@value #MAX_SIZE} items. */
public final class Paging {
    public static final int MAX_SIZE = 500;

    private Paging() {
    }

    /** Adds what is wrong with {@code page} and {@code size} to {@code errors}. */
    public static void check(int page, int size, List<ProblemException.FieldError> errors) {
        if (page < 0) {
            errors.add(new ProblemException.FieldError("page", "must be 0 or more"));
        }
        if (size < 1 || size > MAX_SIZE) {
            errors.add(new ProblemException.FieldError("size", "must be between 1 and " + MAX_SIZE));
        }
    }

    /** 400 naming {@code page} or {@code size} when either is out of range. */
    public static void require(int page, int size) {
        List<ProblemException.FieldError> errors = new ArrayList<>();
        check(page, size, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
