package org.uclg.learning.people.auth;

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
 * no version is refused (401).
 */
@Singleton
@Replaces(DefaultJwtAuthenticationFactory.class)
class CurrentRolesAuthenticationFactory implements JwtAuthenticationFactory {
    private final TokenStates states;

    CurrentRolesAuthenticationFactory(TokenStates states) {
        this.states = states;
    }

    @Override
    public Optional<Authentication> createAuthentication(JWT token) {
        try {
            JWTClaimsSet claims = token.getJWTClaimsSet();
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
