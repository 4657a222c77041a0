package org.uclg.learning.people;

import org.uclg.learning.shared.EnumParameters;
import org.uclg.learning.shared.ProblemException;
import org.uclg.learning.shared.ValidationException;
import java.util.ArrayList;
import java.util.List;

import io.micronaut.core.annotation.Nullable;
import org.uclg.learning.shared.ApiProblems;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.uclg.learning.shared.Problem;

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
    @Operation(summary = "Grant TRAINER, SECTION_COORDINATOR (with regionalSection) or ADMIN; idempotent, audited")
    UserResponse grant(@PathVariable UUID id, @Valid @Body GrantRoleRequest request, Caller caller) {
        return people.grantRole(id, request, caller.id());
    }

    @Delete("/{id}/roles/{role}")
    @Operation(operationId = "removeRole", summary = "Remove TRAINER, SECTION_COORDINATOR (of ?regionalSection=) or ADMIN; audited",
            description = "Takes effect at once on this instance and within learning.security.access-cache on every "
                    + "other, for tokens issued before too: every request is decided on the roles stored. The last "
                    + "admin cannot be removed (409 `last-admin`).")
    @ApiResponse(responseCode = "200", description = "the account with its remaining roles")
    @ApiResponse(responseCode = "400", description = "LEARNER, or a regionalSection missing for SECTION_COORDINATOR or given for another role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "403", description = "the caller is not an admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "no such user, no such role, or the user does not hold it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "`last-admin`: the platform keeps at least one admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    UserResponse remove(@PathVariable UUID id,
                        @PathVariable @Parameter(schema = @Schema(implementation = Role.class)) String role,
                        @Nullable @QueryValue @Parameter(description = "the regional section of a SECTION_COORDINATOR role "
                                + "(AFRICA, ASPAC, …, WORLD)") String regionalSection, Caller caller) {
        List<ProblemException.FieldError> errors = new ArrayList<>();
        RegionalSection section = EnumParameters.parse(RegionalSection.class, regionalSection, "regionalSection", errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return people.removeRole(id, role, section, caller.id());
    }
}
