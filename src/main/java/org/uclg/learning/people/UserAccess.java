package org.uclg.learning.people;

import java.util.Set;
import java.util.UUID;

/**
 * What a user may do, read from the database at the time of the request: a token's roles may be
 * stale (a coordinator moved to another regional section keeps the old token for an hour).
 */
public record UserAccess(UUID userId, Set<Role> roles, Set<RegionalSection> coordinatedSections) {
    /**
     * The platform acting on its own behalf, never a request: background jobs (the certificate
     * worker issuing what a completion earned) read what they need through the same checked APIs.
     */
    public static final UserAccess SYSTEM = new UserAccess(new UUID(0, 0), Set.of(Role.ADMIN), Set.of());

    public UserAccess {
        roles = Set.copyOf(roles);
        coordinatedSections = Set.copyOf(coordinatedSections);
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** A SECTION_COORDINATOR of this regional section (admins are not, by this test). */
    public boolean coordinates(RegionalSection regionalSection) {
        return coordinatedSections.contains(regionalSection);
    }
}
