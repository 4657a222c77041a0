package org.uclg.learning.catalog.content;

import org.uclg.learning.shared.ProblemException;

import java.util.List;

/** A mistake in course-content/, reported as {@code course-content/SDG-1/module.yaml:14: what is wrong}. */
public class ContentException extends ProblemException {
    ContentException(String file, int line, String message) {
        super(422, "content-error", "Course content error", file + (line > 0 ? ":" + line : "") + ": " + message, List.of());
    }
}
