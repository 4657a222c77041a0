package org.uclg.learning.enrollment.roster;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.UUID;

/** The result of a roster import, row by row; in a dry run nothing was written. */
@Serdeable
public record ImportReport(UUID cohortId, boolean dryRun, boolean partial, boolean written, int rows, int enrolled,
                           int waitlisted, int skipped, int errors, int accountsCreated, List<ImportRowResult> results) {

    static ImportReport of(UUID cohortId, boolean dryRun, boolean partial, boolean written, List<ImportRowResult> results) {
        int enrolled = count(results, ImportOutcome.ENROLLED);
        int waitlisted = count(results, ImportOutcome.WAITLISTED);
        int created = (int) results.stream().filter(ImportRowResult::accountCreated).count();
        return new ImportReport(cohortId, dryRun, partial, written, results.size(), enrolled, waitlisted,
                count(results, ImportOutcome.SKIPPED), count(results, ImportOutcome.ERROR), created, results);
    }

    boolean rejected() {
        return errors > 0 && !partial;
    }

    private static int count(List<ImportRowResult> results, ImportOutcome outcome) {
        return (int) results.stream().filter(r -> r.outcome() == outcome).count();
    }
}
