package org.uclg.learning.people;

import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.uclg.learning.people.auth.SecurityProperties;
import org.uclg.learning.shared.ValidationException;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Forgotten passwords: a one-time token mailed to the account's address, then a new password set
 * with it. The request is answered alike whether or not the address has an account. The token
 * works once, expires after {@code learning.security.reset-token-ttl}, is stored only as its hash,
 * and a newer one replaces it. Setting the password ends every session; for an account a roster
 * import created, it claims the account (one way to set a password by token, whatever mailed it).
 */
@Singleton
public class PasswordReset {
    private static final String BAD_TOKEN = "is unknown, expired or already used";
    private final UserRepository users;
    private final AccountTokens tokens;
    private final AccountNotices notices;
    private final ResetRateLimit limit;
    private final PeopleApi people;
    private final SecurityProperties security;
    private final Clock clock;

    PasswordReset(UserRepository users, AccountTokens tokens, AccountNotices notices, ResetRateLimit limit,
                  PeopleApi people, SecurityProperties security, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.notices = notices;
        this.limit = limit;
        this.people = people;
        this.security = security;
        this.clock = clock;
    }

    /** Mails a reset token when the address has an account; does nothing visible otherwise. */
    @Transactional
    public void request(String email, String clientAddress) {
        String normalized = PeopleApi.normalizeEmail(email);
        limit.check(normalized, clientAddress);
        User user = users.findByEmail(normalized).orElse(null);
        if (user == null) {
            return;
        }
        Instant now = clock.instant();
        tokens.retireAll(user.id(), AccountTokens.Purpose.PASSWORD_RESET, now);
        AccountTokens.Issued reset = tokens.issue(user.id(), AccountTokens.Purpose.PASSWORD_RESET, null, now,
                now.plus(security.resetTokenTtl()));
        notices.passwordReset(user, reset);
    }

    /** Sets the new password with a reset token; every earlier session and every other token of the account ends. */
    @Transactional
    public Authentication confirm(String token, String password) {
        Instant now = clock.instant();
        UUID userId = tokens.use(token, AccountTokens.Purpose.PASSWORD_RESET, now)
                .orElseThrow(() -> new ValidationException("token", BAD_TOKEN));
        tokens.retireAll(userId, AccountTokens.Purpose.PASSWORD_RESET, now);
        tokens.retireAll(userId, AccountTokens.Purpose.CLAIM, now);
        return people.setPassword(userId, password);
    }
}
