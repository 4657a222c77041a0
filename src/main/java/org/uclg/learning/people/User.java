package org.uclg.learning.people;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

@MappedEntity("users")
record User(@Id UUID id,
            String email,
            @Nullable String passwordHash,
            String fullName,
            String preferredLanguage,
            String country,
            RegionalSection regionalSection,
            @Nullable String organization,
            @Nullable OrganizationType organizationType,
            @Nullable String gender,
            int tokenVersion,
            Instant createdAt,
            Instant updatedAt) {

    /** Never claimed: created by a roster import, no password set yet. */
    boolean unclaimed() {
        return passwordHash == null;
    }
}
