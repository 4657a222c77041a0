package org.uclg.learning.people;

import jakarta.inject.Singleton;
import org.uclg.learning.people.auth.SecurityProperties;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every authenticated request is checked against: the account's current token version and
 * roles, read from the database and kept for {@code learning.security.access-cache} (a few
 * seconds). A role removed or a password changed takes effect on this instance at once (the entry
 * is dropped in the same call) and on every other instance within that time; a bearer token's own
 * roles are never trusted.
 */
@Singleton
public class TokenStates {
    /** Above this many cached accounts the cache starts afresh, so it cannot grow without bound. */
    private static final int MAX_ENTRIES = 100_000;

    /** An account as a token is checked against; absent when the account no longer exists. */
    public record TokenState(int version, Set<Role> roles) {
        public TokenState {
            roles = Set.copyOf(roles);
        }
    }

    private record Cached(Optional<TokenState> state, long loadedAt) {
    }

    private final UserRepository users;
    private final RoleGrantRepository grants;
    private final long ttlNanos;
    private final ConcurrentHashMap<UUID, Cached> cache = new ConcurrentHashMap<>();

    TokenStates(UserRepository users, RoleGrantRepository grants, SecurityProperties security) {
        this.users = users;
        this.grants = grants;
        this.ttlNanos = security.accessCache().toNanos();
    }

    /** The account's version and roles as stored (at most the cache time old); empty for an unknown account. */
    public Optional<TokenState> current(UUID userId) {
        long now = System.nanoTime();
        Cached cached = cache.get(userId);
        if (cached != null && now - cached.loadedAt() < ttlNanos) {
            return cached.state();
        }
        Optional<TokenState> state = users.findTokenVersionById(userId)
                .map(version -> new TokenState(version, roles(userId)));
        if (ttlNanos > 0) {
            if (cache.size() > MAX_ENTRIES) {
                cache.clear();
            }
            cache.put(userId, new Cached(state, now));
        }
        return state;
    }

    /** Drops what this instance knows of the account: its next request reads the database. */
    void forget(UUID userId) {
        cache.remove(userId);
    }

    private Set<Role> roles(UUID userId) {
        Set<Role> roles = java.util.EnumSet.noneOf(Role.class);
        grants.findByUserId(userId).forEach(g -> roles.add(g.role()));
        return roles;
    }
}
