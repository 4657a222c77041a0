package org.uclg.learning.people.auth;

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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.token.generator.TokenGenerator;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@Controller("/api/v1/auth")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "accounts")
@ApiProblems.Anonymous
class AuthController {
    private final PeopleApi people;
    private final TokenGenerator tokens;
    private final SecurityProperties security;

    AuthController(PeopleApi people, TokenGenerator tokens, SecurityProperties security) {
        this.people = people;
        this.tokens = tokens;
        this.security = security;
    }

    @ApiProblems.WithBody
    @Status(HttpStatus.CREATED)
    @ApiProblems.Conflict
    @Post("/register")
    @Operation(summary = "Create a learner account", description = "409 when the email is taken.")
    HttpResponse<UserResponse> register(@Valid @Body RegisterRequest request) {
        return HttpResponse.created(people.register(request));
    }

    @ApiProblems.WithBody
    @ApiProblems.Unauthorized
    @ApiProblems.TooManyRequests
    @Post("/login")
    @Operation(summary = "Exchange email and password for a bearer token",
            description = "401 on wrong credentials; 429 with Retry-After once an account has too many failures.")
    TokenResponse login(@Valid @Body LoginRequest request) {
        var authentication = people.authenticate(request.username(), request.password());
        String token = tokens.generateToken(authentication, security.tokenSeconds())
                .orElseThrow(() -> new IllegalStateException("no token generated"));
        return new TokenResponse(token, "Bearer", security.tokenSeconds());
    }
}
