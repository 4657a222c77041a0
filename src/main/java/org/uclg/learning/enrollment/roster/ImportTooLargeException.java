package org.uclg.learning.enrollment.roster;

import org.uclg.learning.shared.ProblemException;

import java.util.List;

/** A roster larger than one import may hold: 413, split the file. */
final class ImportTooLargeException extends ProblemException {
    ImportTooLargeException(int maxRows) {
        super(413, "import-too-large", "Payload too large",
                "an import holds at most " + maxRows + " rows; split the file",
                List.of(new FieldError("body", "more than " + maxRows + " rows")));
    }
}
