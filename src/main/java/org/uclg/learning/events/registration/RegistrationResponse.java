package org.uclg.learning.events.registration;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/**
 * A registration. In an organiser's list it also carries the person's name and email and whether
 * their attendance stands ({@code attended}); elsewhere those are left out.
 */
@Serdeable
public record RegistrationResponse(UUID id,
                                   UUID eventId,
                                   UUID userId,
                                   RegistrationStatus status,
                                   @Nullable String fullName,
                                   @Nullable String email,
                                   @Nullable Boolean attended,
                                   @Nullable UUID registeredBy,
                                   Instant createdAt,
                                   @Nullable Instant waitlistedAt,
                                   @Nullable Instant registeredAt,
                                   @Nullable Instant cancelledAt,
                                   @Nullable UUID cancelledBy) {

    static RegistrationResponse of(Registration r) {
        return new RegistrationResponse(r.id(), r.eventId(), r.userId(), r.status(), null, null, null, r.registeredBy(),
                r.createdAt(), r.waitlistedAt(), r.registeredAt(), r.cancelledAt(), r.cancelledBy());
    }

    RegistrationResponse withPerson(@Nullable String name, @Nullable String mail, boolean hasAttended) {
        return new RegistrationResponse(id, eventId, userId, status, name, mail, hasAttended, registeredBy, createdAt,
                waitlistedAt, registeredAt, cancelledAt, cancelledBy);
    }
}
