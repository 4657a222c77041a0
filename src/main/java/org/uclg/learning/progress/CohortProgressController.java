package org.uclg.learning.progress;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.uclg.learning.shared.ApiProblems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import org.uclg.learning.people.Caller;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.uclg.learning.shared.Paging;

import java.util.UUID;

@Controller("/api/v1/cohorts")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "progress")
@ApiProblems.SignedIn
class CohortProgressController {
    private static final MediaType CSV = new MediaType("text/csv; charset=utf-8");
    private final CohortProgress progress;
    private final CompletionRules rules;
    private final ProgressCsv csv;

    CohortProgressController(CohortProgress progress, CompletionRules rules, ProgressCsv csv) {
        this.rules = rules;
        this.progress = progress;
        this.csv = csv;
    }

    @ApiResponse(responseCode = "200", description = "A page of the table as JSON, or the whole table as CSV",
            content = {@Content(mediaType = "application/json", schema = @Schema(implementation = CohortProgressPage.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    @Get(value = "/{id}/progress", produces = {MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(summary = "The cohort's learner × section table, paged; Accept: text/csv streams the whole table as CSV")
    HttpResponse<?> table(@PathVariable UUID id, @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size,
                          @Nullable @Header(HttpHeaders.ACCEPT) String accept, Caller caller) {
        if (accept != null && accept.contains("text/csv")) {
            var managed = progress.requireManager(id, caller.id());
            Writable body = out -> csv.write(managed, out);
            return HttpResponse.ok(body).contentType(CSV)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"progress-" + id + ".csv\"");
        }
        Paging.require(page, size);
        return HttpResponse.ok(progress.cohortTable(id, caller.id(), page, size));
    }

    @Get("/{id}/learning-gain")
    @Operation(summary = "Average pre- and post-assessment scores and gain of the cohort's learners")
    CohortGainResponse gain(@PathVariable UUID id, Caller caller) {
        return progress.cohortGain(id, caller.id());
    }

    @Get("/{id}/completion-rule")
    @Operation(summary = "The cohort's completion rule (the defaults of its kind unless set)")
    CompletionRuleResponse rule(@PathVariable UUID id, Caller caller) {
        return rules.completionRule(id, caller.id());
    }

    @ApiProblems.WithBody
    @Put("/{id}/completion-rule")
    @Operation(summary = "Set the pass mark and the share of live sessions to attend",
            description = "Applies from the next progress recorded; completed enrollments stay completed.")
    CompletionRuleResponse setRule(@PathVariable UUID id, @Valid @Body CompletionRuleRequest request, Caller caller) {
        return rules.setCompletionRule(id, request, caller.id());
    }
}
