package org.uclg.learning.progress;

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
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.uclg.learning.shared.ValidationException;

import java.util.UUID;

@Controller("/api/v1/cohorts")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "progress")
class CohortProgressController {
    private static final MediaType CSV = new MediaType("text/csv; charset=utf-8");
    private final ProgressApi progress;
    private final ProgressCsv csv;

    CohortProgressController(ProgressApi progress, ProgressCsv csv) {
        this.progress = progress;
        this.csv = csv;
    }

    @Get(value = "/{id}/progress", produces = {MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(summary = "The cohort's learner × section table, paged; Accept: text/csv streams the whole table as CSV")
    HttpResponse<?> table(@PathVariable UUID id, @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size,
                          @Nullable @Header(HttpHeaders.ACCEPT) String accept, Authentication authentication) {
        UUID caller = UUID.fromString(authentication.getName());
        if (accept != null && accept.contains("text/csv")) {
            var cohort = progress.requireManager(id, caller);
            Writable body = out -> csv.write(cohort, out);
            return HttpResponse.ok(body).contentType(CSV)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"progress-" + id + ".csv\"");
        }
        if (page < 0) {
            throw new ValidationException("page", "must be 0 or more");
        }
        if (size < 1 || size > 500) {
            throw new ValidationException("size", "must be between 1 and 500");
        }
        return HttpResponse.ok(progress.cohortTable(id, caller, page, size));
    }

    @Get("/{id}/learning-gain")
    @Operation(summary = "Average pre- and post-assessment scores and gain of the cohort's learners")
    CohortGainResponse gain(@PathVariable UUID id, Authentication authentication) {
        return progress.cohortGain(id, UUID.fromString(authentication.getName()));
    }

    @Get("/{id}/completion-rule")
    @Operation(summary = "The cohort's completion rule (the defaults of its kind unless set)")
    CompletionRuleResponse rule(@PathVariable UUID id, Authentication authentication) {
        return progress.completionRule(id, UUID.fromString(authentication.getName()));
    }

    @Put("/{id}/completion-rule")
    @Operation(summary = "Set the pass mark and the share of live sessions to attend",
            description = "Applies from the next progress recorded; completed enrollments stay completed.")
    CompletionRuleResponse setRule(@PathVariable UUID id, @Valid @Body CompletionRuleRequest request, Authentication authentication) {
        return progress.setCompletionRule(id, request, UUID.fromString(authentication.getName()));
    }
}
