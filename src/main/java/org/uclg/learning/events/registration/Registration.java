package org.uclg.learning.events.registration;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import org.uclg.learning.shared.ConflictException;

import java.time.Instant;
import java.util.UUID;

import static org.uclg.learning.events.registration.RegistrationStatus.CANCELLED;
import static org.uclg.learning.events.registration.RegistrationStatus.REGISTERED;
import static org.uclg.learning.events.registration.RegistrationStatus.WAITLISTED;

/**
 * A person's place at an event. Whether a seat is free is decided by the caller under the event's
 * seat lock and passed in; every change returns the next record and refuses (409) what is not allowed.
 */
@MappedEntity("event_registrations")
record Registration(@Id UUID id,
                    UUID eventId,
                    UUID userId,
                    RegistrationStatus status,
                    @Nullable UUID registeredBy,
                    Instant createdAt,
                    @Nullable Instant waitlistedAt,
                    @Nullable Instant registeredAt,
                    @Nullable Instant cancelledAt,
                    @Nullable UUID cancelledBy,
                    Instant updatedAt) {

    /** Seated when a seat was free, otherwise at the back of the waitlist. */
    static Registration place(UUID eventId, UUID userId, boolean seated, UUID by, Instant now) {
        return new Registration(UUID.randomUUID(), eventId, userId, seated ? REGISTERED : WAITLISTED, by, now,
                seated ? null : now, seated ? now : null, null, null, now);
    }

    /** WAITLISTED → REGISTERED, when a seat frees up. */
    Registration promote(Instant now) {
        if (status != WAITLISTED) {
            throw new ConflictException("invalid-transition", "only a WAITLISTED registration moves up; this one is " + status, "status");
        }
        return new Registration(id, eventId, userId, REGISTERED, registeredBy, createdAt, waitlistedAt, now, null, null, now);
    }

    /** REGISTERED or WAITLISTED → CANCELLED. */
    Registration cancel(UUID by, Instant now) {
        if (!status.isLive()) {
            throw new ConflictException("invalid-transition", "cannot cancel a registration that is " + status, "status");
        }
        return new Registration(id, eventId, userId, CANCELLED, registeredBy, createdAt, waitlistedAt, registeredAt, now, by, now);
    }

    boolean holdsSeat() {
        return status == REGISTERED;
    }
}
