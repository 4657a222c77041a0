package org.uclg.learning.cohorts;

import org.junit.jupiter.api.Test;
import org.uclg.learning.people.RegionalSection;
import org.uclg.learning.shared.ConflictException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CohortTest {
    private static final Instant NOW = Instant.parse("2027-01-05T09:00:00Z");
    private static final LocalDate START = LocalDate.of(2027, 2, 1);
    private static final LocalDate END = LocalDate.of(2027, 4, 30);

    /** A cohort of 20 seats with {@code taken} of them taken. */
    private static Cohort cohort(Integer capacity, int taken) {
        Cohort c = Cohort.create("SDG-1", CohortKind.FACILITATED, "fr", "ODD I – Dakar", START, END, capacity,
                EnrollmentPolicy.OPEN, RegionalSection.AFRICA, UUID.randomUUID(), NOW);
        return new Cohort(c.id(), c.moduleCode(), c.kind(), c.language(), c.title(), c.startsOn(), c.endsOn(), c.capacity(),
                taken, c.enrollmentPolicy(), c.regionalSection(), c.createdBy(), c.createdAt(), c.updatedAt());
    }

    @Test
    void anEditChangesWhatMayChangeAndKeepsTheSeats() {
        Cohort before = cohort(20, 12);
        Instant later = NOW.plusSeconds(60);
        Cohort after = before.edit("SDG-1", CohortKind.FACILITATED, "es", "ODS I", START, END.plusDays(7), 25,
                EnrollmentPolicy.APPLICATION, RegionalSection.LATAM, later);
        assertEquals("es", after.language());
        assertEquals(25, after.capacity());
        assertEquals(12, after.seatsTaken());
        assertEquals(RegionalSection.LATAM, after.regionalSection());
        assertEquals(before.createdAt(), after.createdAt());
        assertEquals(later, after.updatedAt());
        assertTrue(after.hasMoreRoomThan(before));
    }

    @Test
    void theModuleAndKindNeverChange() {
        Cohort c = cohort(20, 0);
        assertEquals("cohort-module-fixed", assertThrows(ConflictException.class, () -> c.edit("SDG-2", CohortKind.FACILITATED,
                "fr", "x", START, END, 20, EnrollmentPolicy.OPEN, RegionalSection.AFRICA, NOW)).type());
        assertEquals("cohort-kind-fixed", assertThrows(ConflictException.class, () -> c.edit("SDG-1", CohortKind.TOT,
                "fr", "x", START, END, 20, EnrollmentPolicy.OPEN, RegionalSection.AFRICA, NOW)).type());
    }

    @Test
    void capacityNeverDropsBelowTheSeatsTaken() {
        Cohort c = cohort(20, 12);
        assertThrows(ConflictException.class, () -> c.edit("SDG-1", CohortKind.FACILITATED, "fr", "x", START, END, 11,
                EnrollmentPolicy.OPEN, RegionalSection.AFRICA, NOW));
        Cohort exact = c.edit("SDG-1", CohortKind.FACILITATED, "fr", "x", START, END, 12, EnrollmentPolicy.OPEN, RegionalSection.AFRICA, NOW);
        assertFalse(exact.hasMoreRoomThan(c));
        Cohort unlimited = c.edit("SDG-1", CohortKind.FACILITATED, "fr", "x", START, END, null, EnrollmentPolicy.OPEN, RegionalSection.AFRICA, NOW);
        assertTrue(unlimited.hasMoreRoomThan(c), "removing the capacity frees the waitlist");
    }
}
