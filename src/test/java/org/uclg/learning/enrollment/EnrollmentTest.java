package org.uclg.learning.enrollment;

import org.junit.jupiter.api.Test;
import org.uclg.learning.shared.ConflictException;

import java.time.Instant;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnrollmentTest {
    static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    static final Instant T1 = Instant.parse("2026-03-02T09:00:00Z");
    static final UUID COHORT = UUID.randomUUID();
    static final UUID LEARNER = UUID.randomUUID();

    static Enrollment applied() {
        return Enrollment.apply(COHORT, LEARNER, LEARNER, T0);
    }

    static Enrollment enrolled() {
        return Enrollment.place(COHORT, LEARNER, true, LEARNER, T0);
    }

    static Enrollment waitlisted() {
        return Enrollment.place(COHORT, LEARNER, false, LEARNER, T0);
    }

    @Test
    void aPlaceIsASeatOrTheBackOfTheWaitlist() {
        assertEquals(EnrollmentStatus.ENROLLED, enrolled().status());
        assertEquals(T0, enrolled().enrolledAt());
        assertNull(enrolled().waitlistedAt());
        assertEquals(EnrollmentStatus.WAITLISTED, waitlisted().status());
        assertEquals(T0, waitlisted().waitlistedAt());
    }

    @Test
    void followsTheLifecycle() {
        assertEquals(EnrollmentStatus.ENROLLED, applied().accept(true, T1).status());
        Enrollment queued = applied().accept(false, T1);
        assertEquals(EnrollmentStatus.WAITLISTED, queued.status());
        assertEquals(T1, queued.waitlistedAt());
        assertEquals(EnrollmentStatus.REJECTED, applied().reject(T1).status());
        Enrollment promoted = waitlisted().promote(T1);
        assertEquals(EnrollmentStatus.ENROLLED, promoted.status());
        assertEquals(T1, promoted.enrolledAt());
        assertEquals(T0, promoted.waitlistedAt());
        Enrollment completed = enrolled().complete(T1);
        assertEquals(EnrollmentStatus.COMPLETED, completed.status());
        assertTrue(completed.holdsSeat());
        Enrollment withdrawn = enrolled().withdraw(T1);
        assertEquals(EnrollmentStatus.WITHDRAWN, withdrawn.status());
        assertFalse(withdrawn.holdsSeat());
        assertEquals(T1, withdrawn.updatedAt());
        assertEquals(enrolled().createdAt(), withdrawn.createdAt());
    }

    @Test
    void refusesEveryOtherStep() {
        UnaryOperator<Enrollment> accept = e -> e.accept(true, T1);
        UnaryOperator<Enrollment> reject = e -> e.reject(T1);
        UnaryOperator<Enrollment> promote = e -> e.promote(T1);
        UnaryOperator<Enrollment> complete = e -> e.complete(T1);
        UnaryOperator<Enrollment> withdraw = e -> e.withdraw(T1);
        Enrollment rejected = applied().reject(T1);
        Enrollment completed = enrolled().complete(T1);
        Enrollment withdrawn = enrolled().withdraw(T1);

        for (UnaryOperator<Enrollment> step : java.util.List.of(promote, complete, withdraw)) {
            assertThrows(ConflictException.class, () -> step.apply(applied()));
        }
        for (UnaryOperator<Enrollment> step : java.util.List.of(accept, reject, complete, withdraw)) {
            assertThrows(ConflictException.class, () -> step.apply(waitlisted()));
        }
        for (UnaryOperator<Enrollment> step : java.util.List.of(accept, reject, promote)) {
            assertThrows(ConflictException.class, () -> step.apply(enrolled()));
        }
        for (Enrollment end : java.util.List.of(rejected, completed, withdrawn)) {
            for (UnaryOperator<Enrollment> step : java.util.List.of(accept, reject, promote, complete, withdraw)) {
                assertThrows(ConflictException.class, () -> step.apply(end), end.status().name());
            }
        }
    }
}
