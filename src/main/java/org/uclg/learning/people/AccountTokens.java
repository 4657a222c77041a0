package org.uclg.learning.people;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * One-time tokens that let a person set an account's password: a claim of an account a roster
 * import created, and (later) a password reset. 256 random bits, handed out once; only their
 * SHA-256 is stored, so the table cannot be used to take over accounts. A token is used at most
 * once (one atomic update) and only before it expires. Callers run inside their own transaction.
 */
@Singleton
class AccountTokens {
    enum Purpose { CLAIM, PASSWORD_RESET }

    record Issued(String token, Instant expiresAt) {
    }

    private final SecureRandom random = new SecureRandom();
    private final JdbcOperations jdbc;

    AccountTokens(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    Issued issue(UUID userId, Purpose purpose, UUID createdBy, Instant now, Instant expiresAt) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.prepareStatement("""
                INSERT INTO account_tokens (user_id, purpose, token_hash, created_by, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?)""", ps -> {
            ps.setObject(1, userId);
            ps.setString(2, purpose.name());
            ps.setString(3, hash(token));
            ps.setObject(4, createdBy);
            ps.setTimestamp(5, Timestamp.from(now));
            ps.setTimestamp(6, Timestamp.from(expiresAt));
            return ps.executeUpdate();
        });
        return new Issued(token, expiresAt);
    }

    /** Uses the token once: the account it was issued for, or empty when unknown, expired or already used. */
    Optional<UUID> use(String token, Purpose purpose, Instant now) {
        return jdbc.prepareStatement("""
                UPDATE account_tokens SET used_at = ?
                 WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?
                RETURNING user_id""", ps -> {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setString(2, hash(token));
            ps.setString(3, purpose.name());
            ps.setTimestamp(4, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.<UUID>empty();
            }
        });
    }

    /** Ends every unused token of this purpose the account still has (e.g. once it is claimed). */
    void retireAll(UUID userId, Purpose purpose, Instant now) {
        jdbc.prepareStatement("UPDATE account_tokens SET used_at = ? WHERE user_id = ? AND purpose = ? AND used_at IS NULL", ps -> {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setObject(2, userId);
            ps.setString(3, purpose.name());
            return ps.executeUpdate();
        });
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
