package org.uclg.learning.people.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.DefaultJwtAuthenticationFactory;
import io.micronaut.security.token.jwt.validator.JwtAuthenticationFactory;
import jakarta.inject.Singleton;
import org.uclg.learning.people.PeopleApi;
import org.uclg.learning.people.Role;
import org.uclg.learning.people.TokenStates;

import java.text.ParseException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns a correctly signed, unexpired token into the request's authentication with the roles the
 * database holds now (cached briefly by {@link TokenStates}), not the roles written into the token:
 * {@code @Secured} decisions follow a removed role within seconds. A token whose version is not the
 * account's current one (the password changed since), whose subject is no account, or that carries
 * no version is refused (401); so is one that says the wrong things although correctly signed: no
 * expiry ({@code exp}: it would never die), a {@code nbf} in the future, a subject that is not an
 * account id.
 */
@Singleton
@Replaces(DefaultJwtAuthenticationFactory.class)
class CurrentRolesAuthenticationFactory implements JwtAuthenticationFactory {
    /** Clocks of instances behind one load balancer differ a little. */
    static final Duration SKEW = Duration.ofSeconds(30);

    private final TokenStates states;
    private final Clock clock;

    CurrentRolesAuthenticationFactory(TokenStates states, Clock clock) {
        this.states = states;
        this.clock = clock;
    }

    @Override
    public Optional<Authentication> createAuthentication(JWT token) {
        try {
            JWTClaimsSet claims = token.getJWTClaimsSet();
            Instant now = clock.instant();
            if (claims.getExpirationTime() == null
                    || (claims.getNotBeforeTime() != null && claims.getNotBeforeTime().toInstant().isAfter(now.plus(SKEW)))) {
                return Optional.empty();
            }
            UUID userId = UUID.fromString(String.valueOf(claims.getSubject()));
            Object version = claims.getClaim(PeopleApi.VERSION_CLAIM);
            if (!(version instanceof Number number)) {
                return Optional.empty();
            }
            return states.current(userId)
                    .filter(state -> number.longValue() == state.version())
                    .map(state -> Authentication.build(userId.toString(),
                            state.roles().stream().map(Role::name).sorted().toList(), Map.of()));
        } catch (ParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
