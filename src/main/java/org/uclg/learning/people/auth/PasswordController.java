package org.uclg.learning.people.auth;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.uclg.learning.people.Caller;
import org.uclg.learning.people.PeopleApi;
import org.uclg.learning.shared.Problem;

@Controller("/api/v1/me/password")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "accounts")
class PasswordController {
    private final PeopleApi people;
    private final AccessTokens tokens;
    private final HttpClientAddressResolver addresses;

    PasswordController(PeopleApi people, AccessTokens tokens, HttpClientAddressResolver addresses) {
        this.people = people;
        this.tokens = tokens;
        this.addresses = addresses;
    }

    @Post
    @Operation(operationId = "changePassword", summary = "Change the caller's password",
            description = "Needs the current password (tries are counted like logins). Every token issued before, this "
                    + "one included, stops working; the answer carries a new bearer token.")
    @ApiResponse(responseCode = "200", description = "a new bearer token")
    @ApiResponse(responseCode = "400", description = "`currentPassword` is wrong, or `newPassword` breaks the password rules",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "401", description = "no valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "429", description = "too many wrong current passwords from this address",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    TokenResponse change(@Valid @Body ChangePasswordRequest request, Caller caller, HttpRequest<?> http) {
        return tokens.issue(people.changePassword(caller.id(), request.currentPassword(), request.newPassword(),
                addresses.resolve(http)));
    }
}
