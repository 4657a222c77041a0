package org.uclg.learning.shared;

import java.util.List;

/** An uploaded file with more rows than one import may hold: 413, split the file. */
public final class ImportTooLargeException extends ProblemException {
    public ImportTooLargeException(int maxRows) {
        super(413, "import-too-large", "Payload too large",
                "an import holds at most " + maxRows + " rows; split the file",
                List.of(new FieldError("body", "more than " + maxRows + " rows")));
    }
}
