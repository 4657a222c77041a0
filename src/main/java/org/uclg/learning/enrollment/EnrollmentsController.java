package org.uclg.learning.enrollment;

import org.uclg.learning.shared.ApiProblems;
import io.micronaut.core.annotation.Nullable;
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
import org.uclg.learning.shared.PageResponse;

import java.util.UUID;

@Controller("/api/v1/enrollments")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "enrollment")
@ApiProblems.SignedIn
class EnrollmentsController {
    private final EnrollmentLifecycle lifecycle;
    private final EnrollmentReads reads;

    EnrollmentsController(EnrollmentLifecycle lifecycle, EnrollmentReads reads) {
        this.lifecycle = lifecycle;
        this.reads = reads;
    }

    @Get
    @Operation(summary = "The caller's own enrollments, newest first", description = "?status= filters.")
    PageResponse<EnrollmentResponse> mine(@Nullable @QueryValue String status, @QueryValue(defaultValue = "0") int page,
                                          @QueryValue(defaultValue = "50") int size, Caller caller) {
        return reads.mine(caller.id(), status, page, size);
    }

    @Get("/{id}")
    @Operation(summary = "One enrollment (its learner, the cohort's trainers and coordinators, admins)")
    EnrollmentResponse get(@PathVariable UUID id, Caller caller) {
        return reads.enrollment(id, caller.id());
    }

    @ApiProblems.Conflict
    @Post("/{id}/accept")
    @Operation(summary = "Accept an application: APPLIED → ENROLLED, or WAITLISTED when the cohort is full")
    EnrollmentResponse accept(@PathVariable UUID id, Caller caller) {
        return lifecycle.accept(id, caller.id());
    }

    @ApiProblems.Conflict
    @Post("/{id}/reject")
    @Operation(summary = "Reject an application: APPLIED → REJECTED")
    EnrollmentResponse reject(@PathVariable UUID id, Caller caller) {
        return lifecycle.reject(id, caller.id());
    }

    @ApiProblems.Conflict
    @Post("/{id}/withdraw")
    @Operation(summary = "Withdraw: ENROLLED → WITHDRAWN; the oldest waitlisted learner takes the seat",
            description = "The learner or a manager of the cohort.")
    EnrollmentResponse withdraw(@PathVariable UUID id, Caller caller) {
        return lifecycle.withdraw(id, caller.id());
    }

    @ApiProblems.Conflict
    @Post("/{id}/complete")
    @Operation(summary = "Complete: ENROLLED → COMPLETED (trainers of the cohort, its coordinators, admins)",
            description = "Completing a TOT cohort certifies the learner as a trainer of the module. Publishes EnrollmentCompleted after commit.")
    EnrollmentResponse complete(@PathVariable UUID id, Caller caller) {
        return lifecycle.complete(id, caller.id());
    }
}
