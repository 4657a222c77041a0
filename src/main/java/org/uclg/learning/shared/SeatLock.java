package org.uclg.learning.shared;

import io.micronaut.core.annotation.Nullable;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The one seat-counting rule for anything with a capacity and a waitlist (cohorts, events). The
 * owner of the seats (the cohort, the event) locks its own row with its own visible SQL
 * ({@code SELECT … FOR UPDATE}) and hands the capacity and the count of taken seats to this type;
 * every change of who holds a seat happens while that lock is held, and this type writes the new
 * count back through the owner's {@link Counter}. A CHECK on the owner row
 * ({@code seats_taken <= capacity}) rejects any over-full write outright.
 */
public final class SeatLock {
    /** Writes the owner's new count of taken seats (the owner's own UPDATE). */
    @FunctionalInterface
    public interface Counter {
        void write(UUID ownerId, int taken);
    }

    private final UUID ownerId;
    private final Integer capacity;
    private final Counter counter;
    private int taken;

    /** {@code capacity} null means unlimited. The caller holds the owner row's lock until its transaction ends. */
    public SeatLock(UUID ownerId, @Nullable Integer capacity, int taken, Counter counter) {
        this.ownerId = ownerId;
        this.capacity = capacity;
        this.taken = taken;
        this.counter = counter;
    }

    /** Seats still free for a capacity and a count: null when the capacity is unlimited. */
    public static @Nullable Integer left(@Nullable Integer capacity, int taken) {
        return capacity == null ? null : Math.max(0, capacity - taken);
    }

    public @Nullable Integer capacity() {
        return capacity;
    }

    public int taken() {
        return taken;
    }

    public @Nullable Integer left() {
        return left(capacity, taken);
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

    /** Gives a seat back (a seated place was withdrawn or cancelled). */
    public void release() {
        if (taken == 0) {
            throw new IllegalStateException("no seat to release on " + ownerId);
        }
        write(taken - 1);
    }

    /**
     * Fills free seats from the waitlist. {@code oldestWaiting} finds the next waiting place (the
     * place owner's query, oldest first); {@code promote} moves it to its seated status through the
     * place's own rules. Returns how many were promoted.
     */
    public int promoteWaitlisted(Supplier<Optional<UUID>> oldestWaiting, Consumer<UUID> promote) {
        int promoted = 0;
        while (hasRoom()) {
            Optional<UUID> next = oldestWaiting.get();
            if (next.isEmpty()) {
                break;
            }
            take();
            promote.accept(next.get());
            promoted++;
        }
        return promoted;
    }

    private void write(int newTaken) {
        counter.write(ownerId, newTaken);
        taken = newTaken;
    }
}
