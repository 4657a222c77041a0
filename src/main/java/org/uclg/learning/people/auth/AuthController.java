package org.uclg.learning.people.auth;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Status;
import org.uclg.learning.shared.ApiProblems;
import org.uclg.learning.people.PeopleApi;
import org.uclg.learning.people.RegisterRequest;
import org.uclg.learning.people.UserResponse;
import io.micronaut.http.HttpResponse;
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
import org.uclg.learning.people.PasswordReset;
import org.uclg.learning.people.PeopleApi;
import org.uclg.learning.people.RegisterRequest;
import org.uclg.learning.people.UserResponse;
import org.uclg.learning.shared.Problem;

@Controller("/api/v1/auth")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "accounts")
@ApiProblems.Anonymous
class AuthController {
    private final PeopleApi people;
    private final AccessTokens tokens;
    private final HttpClientAddressResolver addresses;
    private final PasswordReset reset;

    AuthController(PeopleApi people, AccessTokens tokens, HttpClientAddressResolver addresses, PasswordReset reset) {
        this.people = people;
        this.reset = reset;
        this.tokens = tokens;
        this.addresses = addresses;
    }

    @ApiProblems.WithBody
    @Status(HttpStatus.CREATED)
    @ApiProblems.Conflict
    @Post("/register")
    @Operation(summary = "Create a learner account",
            description = "409 `email-taken` when the email has an account; 409 `account-unclaimed` when a roster import "
                    + "created an account for it that nobody claimed yet (claim it with its token at /api/v1/auth/claim).")
    @ApiResponse(responseCode = "201", description = "the new account")
    @ApiResponse(responseCode = "400", description = "a field is missing or invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "`email-taken` or `account-unclaimed`",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    HttpResponse<UserResponse> register(@Valid @Body RegisterRequest request) {
        return HttpResponse.created(people.register(request));
    }

    @ApiProblems.WithBody
    @ApiProblems.Unauthorized
    @ApiProblems.TooManyRequests
    @Post("/login")
    @Operation(summary = "Exchange email and password for a bearer token",
            description = "401 on wrong credentials, the same for an unknown email. Tries are counted per account and "
                    + "client address: after a few failures each further try must wait longer (429 with Retry-After), "
                    + "for that address only.")
    @ApiResponse(responseCode = "200", description = "a bearer token")
    @ApiResponse(responseCode = "400", description = "username or password missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "401", description = "wrong email or password",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "429", description = "too many failed tries from this address: wait Retry-After seconds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    TokenResponse login(@Valid @Body LoginRequest request, HttpRequest<?> http) {
        return tokens.issue(people.authenticate(request.username(), request.password(), addresses.resolve(http)));
    }

    @Post("/claim")
    @Operation(operationId = "claimAccount", summary = "Claim an account a roster import created: set its password with the one-time claim token",
            description = "The importer received the token in the import's answer and passes it on. Answers with a bearer "
                    + "token. 400 naming `token` when it is unknown, expired or used (each token works once).")
    @ApiResponse(responseCode = "200", description = "the account is claimed; a bearer token")
    @ApiResponse(responseCode = "400", description = "the token is unknown, expired or used, or the password is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    TokenResponse claim(@Valid @Body ClaimRequest request) {
        return tokens.issue(people.claim(request.token(), request.password()));
    }

    @Post("/password-reset")
    @Operation(operationId = "requestPasswordReset", summary = "Ask for a password reset: a one-time token is mailed to the account's address",
            description = "Answers 202 alike whether or not the address has an account. The mailed token expires after "
                    + "learning.security.reset-token-ttl (1 hour) and works once; asking again replaces it. Limited per email "
                    + "address and per client address (429 with Retry-After).")
    @ApiResponse(responseCode = "202", description = "accepted: if the address has an account, a token is on its way")
    @ApiResponse(responseCode = "400", description = "email missing or invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "429", description = "too many requests for this address or from this client: wait Retry-After seconds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    HttpResponse<Void> requestPasswordReset(@Valid @Body PasswordResetRequest request, HttpRequest<?> http) {
        reset.request(request.email(), addresses.resolve(http));
        return HttpResponse.accepted();
    }

    @Post("/password-reset/confirm")
    @Operation(operationId = "confirmPasswordReset", summary = "Set a new password with the mailed one-time reset token",
            description = "Answers with a bearer token. Every token issued before stops working. 400 naming `token` when it "
                    + "is unknown, expired or used. For an account a roster import created, this claims it.")
    @ApiResponse(responseCode = "200", description = "the password is set; a bearer token")
    @ApiResponse(responseCode = "400", description = "the token is unknown, expired or used, or the password is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    TokenResponse confirmPasswordReset(@Valid @Body ConfirmResetRequest request) {
        return tokens.issue(reset.confirm(request.token(), request.password()));
    }
}
