package org.uclg.learning.people;

import org.uclg.learning.shared.ApiProblems;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.util.UUID;

@Controller("/api/v1/users")
@Secured("ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "accounts")
@ApiProblems.SignedIn
class UserRolesController {
    private final PeopleApi people;

    UserRolesController(PeopleApi people) {
        this.people = people;
    }

    @ApiProblems.WithBody
    @Post("/{id}/roles")
    @Operation(summary = "Grant TRAINER, SECTION_COORDINATOR (with regionalSection) or ADMIN; idempotent")
    UserResponse grant(@PathVariable UUID id, @Valid @Body GrantRoleRequest request, Caller caller) {
        return people.grantRole(id, request, caller.id());
    }
}
