package org.uclg.learning.cohorts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import org.uclg.learning.people.RegionalSection;
import org.uclg.learning.shared.ConflictException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One delivery of a module. {@code seatsTaken} changes only through {@link CohortsApi#lockSeats};
 * this type only reads it, and refuses a capacity below it.
 */
@MappedEntity("cohorts")
record Cohort(@Id UUID id,
              String moduleCode,
              CohortKind kind,
              String language,
              String title,
              LocalDate startsOn,
              LocalDate endsOn,
              @Nullable Integer capacity,
              int seatsTaken,
              EnrollmentPolicy enrollmentPolicy,
              RegionalSection regionalSection,
              @Nullable UUID createdBy,
              Instant createdAt,
              Instant updatedAt) {

    static Cohort create(String moduleCode, CohortKind kind, String language, String title, LocalDate startsOn,
                         LocalDate endsOn, @Nullable Integer capacity, EnrollmentPolicy policy,
                         RegionalSection regionalSection, UUID createdBy, Instant now) {
        return new Cohort(UUID.randomUUID(), moduleCode, kind, language, title, startsOn, endsOn, capacity, 0,
                policy, regionalSection, createdBy, now, now);
    }

    /**
     * The edited cohort. The module and kind are what enrollments and certifications were made
     * for, so they never change; a capacity may not drop below the seats already taken.
     */
    Cohort edit(String newModuleCode, CohortKind newKind, String newLanguage, String newTitle, LocalDate newStartsOn,
                LocalDate newEndsOn, @Nullable Integer newCapacity, EnrollmentPolicy newPolicy,
                RegionalSection newRegionalSection, Instant now) {
        if (!moduleCode.equals(newModuleCode)) {
            throw new ConflictException("cohort-module-fixed", "the module of a cohort cannot change; create a new cohort", "moduleCode");
        }
        if (kind != newKind) {
            throw new ConflictException("cohort-kind-fixed", "the kind of a cohort cannot change; create a new cohort", "kind");
        }
        if (newCapacity != null && newCapacity < seatsTaken) {
            throw new ConflictException("capacity-below-seats-taken",
                    "capacity " + newCapacity + " is below the " + seatsTaken + " seats already taken", "capacity");
        }
        return new Cohort(id, moduleCode, kind, newLanguage, newTitle, newStartsOn, newEndsOn, newCapacity, seatsTaken,
                newPolicy, newRegionalSection, createdBy, createdAt, now);
    }

    /** Open for a learner's own enrolment: not yet ended. */
    boolean isOpen(LocalDate today) {
        return !endsOn.isBefore(today);
    }

    /** Whether a capacity change frees seats for the waitlist. */
    boolean hasMoreRoomThan(Cohort before) {
        if (capacity == null) {
            return before.capacity != null;
        }
        return before.capacity != null && capacity > before.capacity;
    }
}
