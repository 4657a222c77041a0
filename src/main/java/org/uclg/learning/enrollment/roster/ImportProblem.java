package org.uclg.learning.enrollment.roster;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import org.uclg.learning.shared.Problem;
import org.uclg.learning.shared.ProblemException;

import java.util.List;

/**
 * An import refused because of bad rows: an RFC 9457 problem whose {@code errors} name each bad
 * value as {@code rows[<row>].<column>}, extended with the per-row {@code results} (nothing was written).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record ImportProblem(String type, String title, int status, String detail, String instance,
                     List<ProblemException.FieldError> errors, ImportReport report) {

    static ImportProblem of(ImportReport report, String instance) {
        List<ProblemException.FieldError> errors = report.results().stream()
                .filter(r -> r.outcome() == ImportOutcome.ERROR)
                .map(r -> new ProblemException.FieldError("rows[" + r.row() + "]." + r.field(), r.message()))
                .toList();
        return new ImportProblem(Problem.TYPE_BASE + "import-rejected", "Import rejected", 422,
                report.errors() + " of " + report.rows() + " rows are not valid; nothing was imported. "
                        + "Fix them, or import the valid rows with ?partial=true.",
                instance, errors, report);
    }
}
