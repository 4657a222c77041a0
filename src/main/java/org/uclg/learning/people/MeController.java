package org.uclg.learning.people;

import io.swagger.v3.oas.annotations.Operation;
import org.uclg.learning.shared.ApiProblems;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;

import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.UUID;

@Controller("/api/v1/me")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "accounts")
@ApiProblems.SignedIn
class MeController {
    private final PeopleApi people;

    MeController(PeopleApi people) {
        this.people = people;
    }

    @Operation(summary = "The caller's own account")
    @Get
    UserResponse me(Caller caller) {
        return people.user(caller.id());
    }
}
