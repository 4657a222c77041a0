package org.uclg.learning.cohorts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.uclg.learning.people.RegionalSection;
import org.uclg.learning.shared.SeatLock;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A cohort as the API shows it; {@code capacity} and {@code seatsLeft} are null when unlimited. */
@Serdeable
public record CohortResponse(UUID id,
                             String moduleCode,
                             CohortKind kind,
                             String language,
                             String title,
                             LocalDate startsOn,
                             LocalDate endsOn,
                             @Nullable Integer capacity,
                             EnrollmentPolicy enrollmentPolicy,
                             RegionalSection regionalSection,
                             List<UUID> trainerIds,
                             int seatsTaken,
                             @Nullable Integer seatsLeft,
                             Instant createdAt,
                             Instant updatedAt) {

    static CohortResponse of(Cohort c, List<UUID> trainerIds) {
        Integer left = SeatLock.left(c.capacity(), c.seatsTaken());
        return new CohortResponse(c.id(), c.moduleCode(), c.kind(), c.language(), c.title(), c.startsOn(), c.endsOn(),
                c.capacity(), c.enrollmentPolicy(), c.regionalSection(), List.copyOf(trainerIds), c.seatsTaken(), left,
                c.createdAt(), c.updatedAt());
    }

    /** Open for a learner's own enrolment: it has not ended. */
    public boolean isOpen(LocalDate today) {
        return !endsOn.isBefore(today);
    }
}
