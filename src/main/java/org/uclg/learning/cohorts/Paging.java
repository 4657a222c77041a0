package org.uclg.learning.cohorts;

import org.uclg.learning.shared.ProblemException;

import java.util.List;

/** {@code ?page=0&size=50}: pages from 0, at most 200 items. */
final class Paging {
    static final int MAX_SIZE = 200;

    private Paging() {
    }

    static void check(int page, int size, List<ProblemException.FieldError> errors) {
        if (page < 0) {
            errors.add(new ProblemException.FieldError("page", "must be 0 or more"));
        }
        if (size < 1 || size > MAX_SIZE) {
            errors.add(new ProblemException.FieldError("size", "must be between 1 and " + MAX_SIZE));
        }
    }
}
