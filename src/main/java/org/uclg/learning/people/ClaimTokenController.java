package org.uclg.learning.people;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.uclg.learning.shared.ApiProblems;
import org.uclg.learning.shared.Problem;

import java.util.UUID;

@Controller("/api/v1/users/{id}/claim-token")
@Secured("ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "accounts")
@ApiProblems.SignedIn
class ClaimTokenController {
    private final PeopleApi people;

    ClaimTokenController(PeopleApi people) {
        this.people = people;
    }

    @Post
    @Operation(operationId = "reissueClaimToken",
            summary = "A new one-time claim token for an account a roster import created and nobody claimed (admins)",
            description = "For when the importer's token was lost or expired; earlier claim tokens of the account stop working. "
                    + "The token is also mailed to the person as a new invitation.")
    @ApiResponse(responseCode = "201", description = "the token, shown this once",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Invitation.class)))
    @ApiResponse(responseCode = "403", description = "the caller is not an admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "no such user",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "`already-claimed`: the account has a password",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    HttpResponse<Invitation> reissue(@PathVariable UUID id, Caller caller) {
        return HttpResponse.created(people.reissueClaim(id, caller.id()));
    }
}
