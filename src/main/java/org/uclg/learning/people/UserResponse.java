package org.uclg.learning.people;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An account as its owner and admins see it. {@code coordinatedSections} scopes SECTION_COORDINATOR.
 * An account a roster import created may have no organization or organization type.
 */
@Serdeable
public record UserResponse(UUID id,
                           String email,
                           String fullName,
                           List<Role> roles,
                           List<RegionalSection> coordinatedSections,
                           String preferredLanguage,
                           String country,
                           RegionalSection regionalSection,
                           @Nullable String organization,
                           @Nullable @Schema(type = "string", description = "as in registration; none for an account a roster import created")
                           OrganizationType organizationType,
                           @Nullable String gender,
                           Instant createdAt) {

    static UserResponse of(User user, List<RoleGrant> grants) {
        List<Role> roles = grants.stream().map(RoleGrant::role).distinct().sorted().toList();
        List<RegionalSection> coordinated = grants.stream()
                .filter(g -> g.role() == Role.SECTION_COORDINATOR)
                .map(RoleGrant::regionalSection).distinct().sorted().toList();
        return new UserResponse(user.id(), user.email(), user.fullName(), roles, coordinated,
                user.preferredLanguage(), user.country(), user.regionalSection(), user.organization(),
                user.organizationType(), user.gender(), user.createdAt());
    }
}
