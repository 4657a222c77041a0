package org.uclg.learning.people.auth;

import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import jakarta.inject.Singleton;

/** Signs the bearer token a login, a password change or a claim answers with. */
@Singleton
class AccessTokens {
    private final TokenGenerator tokens;
    private final SecurityProperties security;

    AccessTokens(TokenGenerator tokens, SecurityProperties security) {
        this.tokens = tokens;
        this.security = security;
    }

    TokenResponse issue(Authentication authentication) {
        String token = tokens.generateToken(authentication, security.tokenSeconds())
                .orElseThrow(() -> new IllegalStateException("no token generated"));
        return new TokenResponse(token, "Bearer", security.tokenSeconds());
    }
}
