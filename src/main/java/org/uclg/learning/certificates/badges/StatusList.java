package org.uclg.learning.certificates.badges;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

/**
 * The W3C Bitstring Status List (revocation) of the credentials: each certificate whose credential
 * was ever produced has a place in a list of {@link #SIZE} bits, and its bit is set while the
 * certificate is not VALID (revoked or superseded). The bits are read from the certificates'
 * status on every request, so a revocation or a reissue shows in the list at once.
 * <p>
 * Places come from a sequence, scrambled within each list by a fixed permutation (an odd
 * multiplier modulo 2^17), so neighbouring places do not tell who got a credential just before whom.
 */
@Singleton
class StatusList {
    /** 131,072 bits (16 KB), the smallest list the specification allows, for group privacy. */
    static final int SIZE = 131_072;
    private static final long MULTIPLIER = 0x1B873;
    private static final long OFFSET = 0x0A5C5;

    private final JdbcOperations jdbc;

    StatusList(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The place of a certificate's credential (list × SIZE + position), given out the first time it is asked for. */
    long indexOf(UUID certificateId) {
        Long existing = find(certificateId);
        if (existing != null) {
            return existing;
        }
        long sequence = jdbc.prepareStatement("SELECT nextval('certificate_status_seq')", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        jdbc.prepareStatement("""
                INSERT INTO certificate_status_entries (certificate_id, status_index) VALUES (?, ?)
                ON CONFLICT (certificate_id) DO NOTHING""", ps -> {
            ps.setObject(1, certificateId);
            ps.setLong(2, scramble(sequence));
            return ps.executeUpdate();
        });
        // a concurrent first request may have won; then its place is the one
        return find(certificateId);
    }

    private Long find(UUID certificateId) {
        return jdbc.prepareStatement("SELECT status_index FROM certificate_status_entries WHERE certificate_id = ?", ps -> {
            ps.setObject(1, certificateId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        });
    }

    /** A bijection of each block of SIZE sequence numbers onto the same block. */
    static long scramble(long sequence) {
        long list = sequence / SIZE;
        return list * SIZE + (((sequence % SIZE) * MULTIPLIER + OFFSET) % SIZE);
    }

    /** Whether a list has been started (list 0 always exists, so verifiers can fetch it before the first credential). */
    boolean exists(long list) {
        return list == 0 || jdbc.prepareStatement(
                "SELECT EXISTS (SELECT 1 FROM certificate_status_entries WHERE status_index >= ? AND status_index < ?)", ps -> {
                    ps.setLong(1, list * SIZE);
                    ps.setLong(2, (list + 1) * SIZE);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getBoolean(1);
                    }
                });
    }

    /** The list's bits: position 0 is the left-most (most significant) bit of the first byte, as the specification says. */
    byte[] bits(long list) {
        byte[] bits = new byte[SIZE / 8];
        jdbc.prepareStatement("""
                SELECT e.status_index FROM certificates c JOIN certificate_status_entries e ON e.certificate_id = c.id
                WHERE c.status <> 'VALID' AND e.status_index >= ? AND e.status_index < ?""", ps -> {
            ps.setLong(1, list * SIZE);
            ps.setLong(2, (list + 1) * SIZE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int position = (int) (rs.getLong(1) % SIZE);
                    bits[position / 8] |= (byte) (0x80 >>> (position % 8));
                }
            }
            return null;
        });
        return bits;
    }

    /** {@code encodedList}: the multibase base64url (no padding, prefix "u") of the GZIP-compressed bits. */
    static String encode(byte[] bits) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }
}
