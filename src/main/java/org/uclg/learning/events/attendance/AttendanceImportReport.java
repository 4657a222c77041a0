package org.uclg.learning.events.attendance;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.uclg.learning.shared.Problem;
import org.uclg.learning.shared.ProblemException.FieldError;

import java.util.List;
import java.util.UUID;

/**
 * The result of an attendance import, row by row ({@code outcome} RECORDED, ALREADY_RECORDED or
 * ERROR, {@code field} naming the bad column); in a dry run, or when rejected, nothing was written.
 */
@Serdeable
public record AttendanceImportReport(UUID eventId, boolean dryRun, boolean partial, boolean written, int rows, int recorded,
                                     int alreadyRecorded, int errors, List<Row> results) {

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(int row, String email, String outcome, String message, @Nullable String field, @Nullable UUID userId) {
        static Row error(int row, String email, String message) {
            return new Row(row, email, "ERROR", message, "email", null);
        }

        boolean isError() {
            return outcome.equals("ERROR");
        }
    }

    static AttendanceImportReport of(UUID eventId, boolean dryRun, boolean partial, boolean written, List<Row> results) {
        return new AttendanceImportReport(eventId, dryRun, partial, written, results.size(), count(results, AttendanceResult.RECORDED),
                count(results, AttendanceResult.ALREADY_RECORDED), count(results, "ERROR"), results);
    }

    boolean rejected() {
        return errors > 0 && !partial;
    }

    /** A rejected import as RFC 9457 problem+json: {@code errors} name {@code rows[<row>].email}; the report rides along. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Rejected(String type, String title, int status, String detail, String instance, List<FieldError> errors,
                    AttendanceImportReport report) {
    }

    Rejected asProblem(String instance) {
        List<FieldError> fields = results.stream().filter(Row::isError)
                .map(r -> new FieldError("rows[" + r.row() + "]." + r.field(), r.message())).toList();
        return new Rejected(Problem.TYPE_BASE + "import-rejected", "Import rejected", 422,
                errors + " of " + rows + " rows are not valid; nothing was recorded. Fix them, or record the valid rows with ?partial=true.",
                instance, fields, this);
    }

    private static int count(List<Row> results, String outcome) {
        return (int) results.stream().filter(r -> r.outcome().equals(outcome)).count();
    }
}
