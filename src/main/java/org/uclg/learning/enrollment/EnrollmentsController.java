package org.uclg.learning.enrollment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.uclg.learning.shared.PageResponse;

import java.util.UUID;

@Controller("/api/v1/enrollments")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "enrollment")
class EnrollmentsController {
    private final EnrollmentApi enrollments;

    EnrollmentsController(EnrollmentApi enrollments) {
        this.enrollments = enrollments;
    }

    @Get
    @Operation(summary = "The caller's own enrollments, newest first", description = "?status= filters.")
    PageResponse<EnrollmentResponse> mine(@Nullable @QueryValue String status, @QueryValue(defaultValue = "0") int page,
                                          @QueryValue(defaultValue = "50") int size, Authentication authentication) {
        return enrollments.mine(caller(authentication), status, page, size);
    }

    @Get("/{id}")
    @Operation(summary = "One enrollment (its learner, the cohort's trainers and coordinators, admins)")
    EnrollmentResponse get(@PathVariable UUID id, Authentication authentication) {
        return enrollments.enrollment(id, caller(authentication));
    }

    @Post("/{id}/accept")
    @Operation(summary = "Accept an application: APPLIED → ENROLLED, or WAITLISTED when the cohort is full")
    EnrollmentResponse accept(@PathVariable UUID id, Authentication authentication) {
        return enrollments.accept(id, caller(authentication));
    }

    @Post("/{id}/reject")
    @Operation(summary = "Reject an application: APPLIED → REJECTED")
    EnrollmentResponse reject(@PathVariable UUID id, Authentication authentication) {
        return enrollments.reject(id, caller(authentication));
    }

    @Post("/{id}/withdraw")
    @Operation(summary = "Withdraw: ENROLLED → WITHDRAWN; the oldest waitlisted learner takes the seat",
            description = "The learner or a manager of the cohort.")
    EnrollmentResponse withdraw(@PathVariable UUID id, Authentication authentication) {
        return enrollments.withdraw(id, caller(authentication));
    }

    @Post("/{id}/complete")
    @Operation(summary = "Complete: ENROLLED → COMPLETED (trainers of the cohort, its coordinators, admins)",
            description = "Completing a TOT cohort certifies the learner as a trainer of the module. Publishes EnrollmentCompleted after commit.")
    EnrollmentResponse complete(@PathVariable UUID id, Authentication authentication) {
        return enrollments.complete(id, caller(authentication));
    }

    private static UUID caller(Authentication authentication) {
        return UUID.fromString(authentication.getName());
    }
}
