package org.uclg.learning.enrollment.roster;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.uclg.learning.shared.ApiProblems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.uclg.learning.people.Caller;
import org.uclg.learning.shared.Problem;

import java.util.UUID;

@Controller("/api/v1/cohorts/{cohortId}/enrollments")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "enrollment")
@ApiProblems.SignedIn
class RosterImportController {
    private final RosterImport imports;

    RosterImportController(RosterImport imports) {
        this.imports = imports;
    }

    @ApiProblems.WithBody
    @ApiResponse(responseCode = "200", description = "Every row's outcome",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ImportReport.class)))
    @ApiResponse(responseCode = "422", description = "Some row is bad and nothing was enrolled (unless ?partial=true): the per-row results",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ImportProblem.class)))
    @ApiProblems.TooLarge
    @Post(uri = "/import", consumes = {"text/csv", "application/csv", "text/plain"})
    @Operation(summary = "Enrol a roster from CSV (trainers of the cohort, its coordinators, admins)",
            description = "Header row: email, full name, country, organization, language; UTF-8 with or without BOM; "
                    + "comma or semicolon. Unknown emails get a new account without password. At most 5,000 rows (413). "
                    + "All-or-nothing: any bad row gives 422 with per-row results, unless ?partial=true. "
                    + "?dryRun=true checks and reports without writing.")
    HttpResponse<?> importRoster(@PathVariable UUID cohortId, @Nullable @Body byte[] body,
                                 @QueryValue(defaultValue = "false") boolean dryRun,
                                 @QueryValue(defaultValue = "false") boolean partial,
                                 HttpRequest<?> request, Caller caller) {
        ImportReport report = imports.run(cohortId, body == null ? new byte[0] : body, dryRun, partial,
                caller.id());
        if (report.rejected()) {
            return HttpResponse.unprocessableEntity().contentType(Problem.MEDIA_TYPE)
                    .body(ImportProblem.of(report, request.getPath()));
        }
        return HttpResponse.ok(report);
    }
}
