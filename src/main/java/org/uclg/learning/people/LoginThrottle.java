package org.uclg.learning.people;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.uclg.learning.people.auth.SecurityProperties;
import org.uclg.learning.shared.TooManyRequestsException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A progressive delay between failed logins, per account and client address: the first
 * {@code login-free-failures} tries are free, then each further try must wait twice as long as the
 * one before ({@code login-delay}, doubling, at most {@code login-max-delay}). A stranger's
 * failures slow down only that stranger's address, never the owner elsewhere, and nothing is a
 * hard lock. An attempt is counted before its password is checked, in one atomic statement under
 * the row's lock, so concurrent tries check no more passwords than allowed; a success clears the
 * count. The account is keyed by the SHA-256 of its normalised email, whether or not an account
 * has it, so unknown emails answer exactly as known ones.
 */
@Singleton
class LoginThrottle {
    private static final int CLIENT_MAX = 64;
    /** 2^20 times the base delay is far above any sensible maximum, and keeps power() in range. */
    private static final int MAX_DOUBLINGS = 20;

    private final JdbcOperations jdbc;
    private final Clock clock;
    private final String claimSql;
    private final Duration keep;

    LoginThrottle(JdbcOperations jdbc, SecurityProperties security, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.keep = security.loginMaxDelay().multipliedBy(2).compareTo(Duration.ofDays(1)) > 0
                ? security.loginMaxDelay().multipliedBy(2) : Duration.ofDays(1);
        // numbers from the configuration, never from a request
        String delayOf = "(CASE WHEN %1$s < " + security.loginFreeFailures() + " THEN 0 ELSE least("
                + seconds(security.loginDelay()) + " * power(2, least(%1$s - " + security.loginFreeFailures() + ", "
                + MAX_DOUBLINGS + ")), " + seconds(security.loginMaxDelay()) + ") END) * interval '1 second'";
        this.claimSql = """
                INSERT INTO login_failures AS f (account_key, client, failures, next_attempt_at, updated_at)
                VALUES (?, ?, 1, ?::timestamptz + %s, ?)
                ON CONFLICT (account_key, client) DO UPDATE
                   SET failures = f.failures + 1,
                       next_attempt_at = excluded.updated_at + %s,
                       updated_at = excluded.updated_at
                 WHERE f.next_attempt_at <= excluded.updated_at
                RETURNING failures""".formatted(delayOf.formatted("1"), delayOf.formatted("(f.failures + 1)"));
    }

    /** The key an account's failures are counted under: the SHA-256 of the normalised email. */
    static String accountKey(String normalizedEmail) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(normalizedEmail.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String client(String address) {
        String a = address == null || address.isBlank() ? "unknown" : address.strip().toLowerCase(Locale.ROOT);
        return a.length() > CLIENT_MAX ? a.substring(0, CLIENT_MAX) : a;
    }

    /**
     * Counts one attempt as failed before its password is checked; 429 with Retry-After when this
     * account and client must still wait (the password is then not checked at all).
     */
    @Transactional
    void attempt(String normalizedEmail, String client) {
        String key = accountKey(normalizedEmail);
        String who = client(client);
        Timestamp now = Timestamp.from(clock.instant());
        boolean counted = jdbc.prepareStatement(claimSql, ps -> {
            ps.setString(1, key);
            ps.setString(2, who);
            ps.setTimestamp(3, now);
            ps.setTimestamp(4, now);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
        if (!counted) {
            Instant next = jdbc.prepareStatement(
                    "SELECT next_attempt_at FROM login_failures WHERE account_key = ? AND client = ?", ps -> {
                        ps.setString(1, key);
                        ps.setString(2, who);
                        try (ResultSet rs = ps.executeQuery()) {
                            return rs.next() ? rs.getTimestamp(1).toInstant() : now.toInstant();
                        }
                    });
            long millis = Math.max(0, Duration.between(now.toInstant(), next).toMillis());
            long seconds = Math.max(1, (millis + 999) / 1000);
            throw new TooManyRequestsException("too many failed logins from here; try again in " + seconds + " s",
                    Duration.ofSeconds(seconds));
        }
    }

    /** The right password: this account and client start afresh. */
    @Transactional
    void succeeded(String normalizedEmail, String client) {
        jdbc.prepareStatement("DELETE FROM login_failures WHERE account_key = ? AND client = ?", ps -> {
            ps.setString(1, accountKey(normalizedEmail));
            ps.setString(2, client(client));
            return ps.executeUpdate();
        });
    }

    /** Forgets counts nobody added to for a day (or twice the longest delay): a flood of tries cannot fill the table for good. */
    @Scheduled(fixedDelay = "1h", initialDelay = "10m")
    @Transactional
    void forgetOldFailures() {
        Timestamp before = Timestamp.from(clock.instant().minus(keep));
        jdbc.prepareStatement("DELETE FROM login_failures WHERE updated_at < ?", ps -> {
            ps.setTimestamp(1, before);
            return ps.executeUpdate();
        });
    }

    private static String seconds(Duration d) {
        return Double.toString(d.toNanos() / 1e9);
    }
}
