package org.uclg.learning.people;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

@MappedEntity("user_roles")
record RoleGrant(@Id @GeneratedValue @Nullable Long id,
                 UUID userId,
                 Role role,
                 @Nullable RegionalSection regionalSection,
                 @Nullable UUID grantedBy,
                 Instant grantedAt) {
}
