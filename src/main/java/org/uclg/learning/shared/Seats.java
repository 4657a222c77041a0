package org.uclg.learning.shared;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The one seat-allocation mechanism for anything with a capacity and a waitlist (cohorts now,
 * peer-learning events next). Correctness under any concurrency comes from one rule: every
 * change of who holds a seat happens while holding {@code SELECT … FOR UPDATE} on the owning row
 * (the cohort, the event). The owning row keeps the count of taken seats next to the capacity,
 * so deciding "seat or waitlist" is O(1) under the lock, and a CHECK on that row
 * ({@code seats_taken <= capacity}) rejects any over-full write outright.
 *
 * <p>Usage, inside one transaction: {@code lock(...)} first, then read/decide with the returned
 * {@link SeatLock}, write the places, and {@link SeatLock#promoteWaitlisted} after a seat is freed.
 * Table and column names come from code (never from a request) and are checked once here.
 */
public final class Seats {
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    /** The row that owns the seats: {@code capacity} NULL means unlimited. */
    public record Owner(String table, String idColumn, String capacityColumn, String takenColumn) {
        public Owner {
            check(table, idColumn, capacityColumn, takenColumn);
        }
    }

    /** The rows that hold or wait for a seat; waiting rows are served by {@code queuedAtColumn}, then id. */
    public record Places(String table, String idColumn, String ownerColumn, String statusColumn,
                         String waitingStatus, String queuedAtColumn) {
        public Places {
            check(table, idColumn, ownerColumn, statusColumn, queuedAtColumn);
            Objects.requireNonNull(waitingStatus);
        }
    }

    private final String lockSql;
    private final String updateTakenSql;
    private final String oldestWaitingSql;
    private final String waitingStatus;

    public Seats(Owner owner, Places places) {
        this.lockSql = "SELECT " + owner.capacityColumn() + ", " + owner.takenColumn() + " FROM " + owner.table()
                + " WHERE " + owner.idColumn() + " = ? FOR UPDATE";
        this.updateTakenSql = "UPDATE " + owner.table() + " SET " + owner.takenColumn() + " = ? WHERE " + owner.idColumn() + " = ?";
        this.oldestWaitingSql = "SELECT " + places.idColumn() + " FROM " + places.table()
                + " WHERE " + places.ownerColumn() + " = ? AND " + places.statusColumn() + " = ?"
                + " ORDER BY " + places.queuedAtColumn() + ", " + places.idColumn() + " LIMIT 1";
        this.waitingStatus = places.waitingStatus();
    }

    /**
     * Locks the owning row until the transaction ends and reads its seats; empty when the row does
     * not exist. Concurrent callers for the same owner queue here, one at a time.
     */
    public Optional<SeatLock> lock(Connection connection, UUID ownerId) {
        try (PreparedStatement ps = connection.prepareStatement(lockSql)) {
            ps.setObject(1, ownerId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                int capacity = rs.getInt(1);
                Integer cap = rs.wasNull() ? null : capacity;
                return Optional.of(new SeatLock(connection, ownerId, cap, rs.getInt(2)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not lock seats of " + ownerId, e);
        }
    }

    /** What is known while the owner row is locked; writes go straight to the database. */
    public final class SeatLock {
        private final Connection connection;
        private final UUID ownerId;
        private final Integer capacity;
        private int taken;

        private SeatLock(Connection connection, UUID ownerId, Integer capacity, int taken) {
            this.connection = connection;
            this.ownerId = ownerId;
            this.capacity = capacity;
            this.taken = taken;
        }

        public Integer capacity() {
            return capacity;
        }

        public int taken() {
            return taken;
        }

        /** Seats still free; null when the capacity is unlimited. */
        public Integer left() {
            return capacity == null ? null : Math.max(0, capacity - taken);
        }

        public boolean hasRoom() {
            return capacity == null || taken < capacity;
        }

        /** Takes one seat if there is one: true means seat the place, false means waitlist it. */
        public boolean take() {
            return take(1) == 1;
        }

        /** Takes up to {@code wanted} seats in one write; returns how many were granted. */
        public int take(int wanted) {
            int granted = capacity == null ? wanted : Math.max(0, Math.min(wanted, capacity - taken));
            if (granted > 0) {
                write(taken + granted);
            }
            return granted;
        }

        /** Gives a seat back (a seated place was withdrawn). */
        public void release() {
            if (taken == 0) {
                throw new IllegalStateException("no seat to release on " + ownerId);
            }
            write(taken - 1);
        }

        /**
         * Fills free seats from the waitlist, oldest first. {@code promote} receives the id of each
         * waiting place and must move it to its seated status (through the place's own rules).
         * Returns how many were promoted.
         */
        public int promoteWaitlisted(Consumer<UUID> promote) {
            int promoted = 0;
            while (hasRoom()) {
                Optional<UUID> next = oldestWaiting();
                if (next.isEmpty()) {
                    break;
                }
                take();
                promote.accept(next.get());
                promoted++;
            }
            return promoted;
        }

        private Optional<UUID> oldestWaiting() {
            try (PreparedStatement ps = connection.prepareStatement(oldestWaitingSql)) {
                ps.setObject(1, ownerId);
                ps.setString(2, waitingStatus);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not read the waitlist of " + ownerId, e);
            }
        }

        private void write(int newTaken) {
            try (PreparedStatement ps = connection.prepareStatement(updateTakenSql)) {
                ps.setInt(1, newTaken);
                ps.setObject(2, ownerId);
                if (ps.executeUpdate() != 1) {
                    throw new IllegalStateException("seat owner " + ownerId + " vanished");
                }
                taken = newTaken;
            } catch (SQLException e) {
                throw new IllegalStateException("could not update seats of " + ownerId, e);
            }
        }
    }

    private static void check(String... identifiers) {
        for (String id : identifiers) {
            if (id == null || !IDENTIFIER.matcher(id).matches()) {
                throw new IllegalArgumentException("not a plain SQL identifier: " + id);
            }
        }
    }
}
