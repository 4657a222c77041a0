package org.uclg.learning.enrollment;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Status;
import org.uclg.learning.shared.ApiProblems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import org.uclg.learning.people.Caller;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.uclg.learning.shared.PageResponse;
import org.uclg.learning.shared.Problem;

import java.util.UUID;

@Controller("/api/v1/cohorts/{cohortId}/enrollments")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "enrollment")
@ApiProblems.SignedIn
class CohortEnrollmentsController {
    private final EnrollmentLifecycle lifecycle;
    private final EnrollmentReads reads;

    CohortEnrollmentsController(EnrollmentLifecycle lifecycle, EnrollmentReads reads) {
        this.lifecycle = lifecycle;
        this.reads = reads;
    }

    @ApiProblems.WithBody
    @Status(HttpStatus.CREATED)
    @ApiProblems.Conflict
    @Post
    @Operation(summary = "Enrol yourself, or a named learner (trainers of the cohort, its coordinators, admins)",
            description = "201 with status ENROLLED, WAITLISTED (full) or APPLIED (self-enrolment in an APPLICATION cohort); "
                    + "409 when the learner already holds a place.")
    HttpResponse<EnrollmentResponse> enroll(@PathVariable UUID cohortId, @Valid @Nullable @Body EnrollRequest request,
                                            Caller caller) {
        UUID learnerId = request == null ? null : request.learnerId();
        return HttpResponse.created(lifecycle.enroll(cohortId, learnerId, caller.id()));
    }

    @Get
    @Operation(summary = "The cohort's roster (its trainers, coordinators of its regional section, admins)",
            description = "?status= filters; oldest first.")
    PageResponse<RosterEntryResponse> roster(@PathVariable UUID cohortId, @Nullable @QueryValue String status,
                                             @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size,
                                             Caller caller) {
        return reads.roster(cohortId, caller.id(), status, page, size);
    }
}
