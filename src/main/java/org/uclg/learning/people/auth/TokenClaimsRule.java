package org.uclg.learning.people.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.Claims;
import org.uclg.learning.shared.UnauthorizedException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a correctly signed token must also say before it is believed: an expiry ({@code exp}; a
 * token without one would never die), no {@code nbf} in the future, and a subject that is an
 * account id. Anything else is refused like a bad signature: 401, never a 500 further on. Checked
 * on the authentication the security filter built from the token (its attributes are the claims).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class TokenClaimsRule implements Ordered {
    /** Clocks of instances behind one load balancer differ a little. */
    static final Duration SKEW = Duration.ofSeconds(30);

    private final Clock clock;

    TokenClaimsRule(Clock clock) {
        this.clock = clock;
    }

    /** Right after the security filter has read the token (its claims are the authentication's attributes). */
    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @RequestFilter
    void check(HttpRequest<?> request) {
        Optional<Authentication> authentication = request.getUserPrincipal(Authentication.class);
        if (authentication.isPresent() && !believable(authentication.get().getName(), authentication.get().getAttributes())) {
            throw new UnauthorizedException("the token is not valid");
        }
    }

    boolean believable(String subject, Map<String, Object> claims) {
        Instant now = clock.instant();
        Instant expires = instant(claims.get(Claims.EXPIRATION_TIME));
        if (expires == null) {
            return false;
        }
        Object nbf = claims.get(Claims.NOT_BEFORE);
        if (nbf != null) {
            Instant notBefore = instant(nbf);
            if (notBefore == null || notBefore.isAfter(now.plus(SKEW))) {
                return false;
            }
        }
        return isUuid(subject);
    }

    private static @Nullable Instant instant(@Nullable Object value) {
        if (value instanceof Date d) {
            return d.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof Number n) {
            return Instant.ofEpochSecond(n.longValue());
        }
        return null;
    }

    private static boolean isUuid(@Nullable Object subject) {
        if (!(subject instanceof String s) || s.length() != 36) {
            return false;
        }
        try {
            return UUID.fromString(s).toString().equals(s.toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
