package org.uclg.learning.progress;

import org.uclg.learning.shared.ApiProblems;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import org.uclg.learning.people.Caller;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.util.UUID;

@Controller("/api/v1/enrollments")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "progress")
@ApiProblems.SignedIn
class ProgressController {
    private final ProgressApi progress;

    ProgressController(ProgressApi progress) {
        this.progress = progress;
    }

    @ApiProblems.WithBody
    @ApiProblems.Conflict
    @Put("/{id}/sections/{key}")
    @Operation(summary = "Record a section as STARTED or COMPLETED (score 0–100 for assessments); idempotent",
            description = "Learners record their own sections; live-session attendance and anything for the roster is recorded "
                    + "by the cohort's trainers, coordinators or admins. Returns the enrollment's progress; when the cohort's "
                    + "completion rule is met the enrollment becomes COMPLETED in the same transaction.")
    ProgressResponse record(@PathVariable UUID id, @PathVariable String key, @Valid @Body RecordProgressRequest request,
                            Caller caller) {
        return progress.record(id, key, request, caller.id());
    }

    @Get("/{id}/progress")
    @Operation(summary = "An enrollment's progress per section, percent, what is missing and the learning gain")
    ProgressResponse progress(@PathVariable UUID id, Caller caller) {
        return progress.progress(id, caller.id());
    }
}
