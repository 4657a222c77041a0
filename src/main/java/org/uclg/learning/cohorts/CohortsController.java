package org.uclg.learning.cohorts;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Status;
import org.uclg.learning.shared.ApiProblems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
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
import org.uclg.learning.shared.PageResponse;

import java.util.UUID;

@Controller("/api/v1/cohorts")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "cohorts")
@ApiProblems.Anonymous
class CohortsController {
    private final CohortsApi cohorts;

    CohortsController(CohortsApi cohorts) {
        this.cohorts = cohorts;
    }

    @ApiProblems.WithBody
    @Status(HttpStatus.CREATED)
    @ApiProblems.SignedIn
    @Post
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Create a cohort (admins, coordinators of its regional section)",
            description = "FACILITATED and WORKSHOP cohorts take only trainers certified for the module (or admins).")
    HttpResponse<CohortResponse> create(@Valid @Body CohortRequest request, Caller caller) {
        return HttpResponse.created(cohorts.create(request, caller.id()));
    }

    @Get
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "List cohorts, newest start first",
            description = "Anonymous callers and learners see cohorts that have not ended; trainers and coordinators also "
                    + "their own; admins all. ?mine=true keeps only the cohorts the caller trains or coordinates.")
    PageResponse<CohortResponse> list(@Nullable @QueryValue String module, @Nullable @QueryValue String regionalSection,
                                      @Nullable @QueryValue String language, @Nullable @QueryValue String kind,
                                      @QueryValue(defaultValue = "false") boolean mine,
                                      @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size,
                                      @Nullable Caller caller) {
        return cohorts.search(module, regionalSection, language, kind, mine, caller == null ? null : caller.id(), page, size);
    }

    @ApiProblems.NotFound
    @Get("/{id}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "One cohort", description = "404 for an ended cohort unless the caller manages it.")
    CohortResponse get(@PathVariable UUID id, @Nullable Caller caller) {
        return cohorts.visibleCohort(id, caller == null ? null : caller.id());
    }

    @ApiProblems.WithBody
    @ApiProblems.SignedIn
    @ApiProblems.Conflict
    @Put("/{id}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Replace a cohort's editable fields (admins, coordinators of its regional section)",
            description = "The module and kind cannot change; capacity cannot drop below seats taken; more room promotes the waitlist.")
    CohortResponse update(@PathVariable UUID id, @Valid @Body CohortRequest request, Caller caller) {
        return cohorts.update(id, request, caller.id());
    }

}
