package org.uclg.learning.people;

import org.uclg.learning.people.auth.PasswordHasher;
import org.uclg.learning.people.auth.SecurityProperties;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.uclg.learning.shared.ConflictException;
import org.uclg.learning.shared.NotFoundException;
import org.uclg.learning.shared.TooManyRequestsException;
import org.uclg.learning.shared.UnauthorizedException;
import org.uclg.learning.shared.ValidationException;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.UUID;

/** Accounts, credentials and roles: what other features may ask of {@code people}. */
@Singleton
public class PeopleApi {
    private final UserRepository users;
    private final RoleGrantRepository grants;
    private final PasswordHasher hasher;
    private final SecurityProperties security;
    private final Clock clock;

    PeopleApi(UserRepository users, RoleGrantRepository grants, PasswordHasher hasher,
              SecurityProperties security, Clock clock) {
        this.users = users;
        this.grants = grants;
        this.hasher = hasher;
        this.security = security;
        this.clock = clock;
    }

    /** Trimmed, Unicode-normalised and lower-cased: the one spelling an email is stored and looked up by. */
    public static String normalizeEmail(String email) {
        return Normalizer.normalize(email.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    /** Names keep their script and accents; only the Unicode form and the spaces are tidied. */
    static String normalizeName(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
    }

    @Transactional
    public UserResponse register(RegisterRequest request) {
        String email = normalizeEmail(request.email());
        if (users.existsByEmail(email)) {
            throw new ConflictException("email-taken", "an account with this email already exists", "email");
        }
        Instant now = clock.instant();
        User user = new User(UUID.randomUUID(), email, hasher.hash(request.password()),
                normalizeName(request.fullName()), request.preferredLanguage(),
                request.country().toUpperCase(Locale.ROOT), request.regionalSection(),
                request.organization().strip(), request.organizationType(),
                request.gender() == null || request.gender().isBlank() ? null : request.gender().strip(),
                0, null, now, now);
        try {
            users.save(user);
        } catch (DataAccessException e) {
            // the unique index caught a concurrent registration of the same email
            throw new ConflictException("email-taken", "an account with this email already exists", "email");
        }
        grants.grant(user.id(), Role.LEARNER.name(), null, null, now);
        return view(user);
    }

    /**
     * Checks a password. Failures are counted per account; after {@code loginMaxFailures} the
     * account is locked for {@code loginLockSeconds}, and even the right password gets 429.
     */
    @Transactional(noRollbackFor = UnauthorizedException.class)
    public Authentication authenticate(String email, String password) {
        Instant now = clock.instant();
        User user = users.findByEmail(normalizeEmail(email)).orElse(null);
        if (user == null) {
            hasher.matches(password, null);
            throw new UnauthorizedException("wrong email or password");
        }
        if (user.isLocked(now)) {
            throw new TooManyRequestsException("too many failed logins; try again later",
                    Duration.between(now, user.lockedUntil()));
        }
        if (!hasher.matches(password, user.passwordHash())) {
            users.recordFailedLogin(user.id(), now, security.loginMaxFailures(),
                    now.plusSeconds(security.loginLockSeconds()));
            throw new UnauthorizedException("wrong email or password");
        }
        users.clearFailedLogins(user.id());
        List<String> roles = grants.findByUserId(user.id()).stream().map(g -> g.role().name()).distinct().toList();
        return Authentication.build(user.id().toString(), roles, Map.of("email", user.email()));
    }

    @Transactional(readOnly = true)
    public UserResponse user(UUID id) {
        return users.findById(id).map(this::view).orElseThrow(() -> new NotFoundException("user", id));
    }

    @Transactional
    UserResponse grantRole(UUID userId, GrantRoleRequest request, UUID grantedBy) {
        User user = users.findById(userId).orElseThrow(() -> new NotFoundException("user", userId));
        if (request.role() == Role.LEARNER) {
            throw new ValidationException("role", "every account is a LEARNER already; grant TRAINER, SECTION_COORDINATOR or ADMIN");
        }
        boolean scoped = request.role() == Role.SECTION_COORDINATOR;
        if (scoped && request.regionalSection() == null) {
            throw new ValidationException("regionalSection", "a SECTION_COORDINATOR is scoped to one regional section");
        }
        if (!scoped && request.regionalSection() != null) {
            throw new ValidationException("regionalSection", "only SECTION_COORDINATOR is scoped to a regional section");
        }
        grants.grant(user.id(), request.role().name(), scoped ? request.regionalSection().name() : null,
                grantedBy, clock.instant());
        return view(user);
    }

    /** Creates the first admin unless an account with that email exists; true when it created one. */
    @Transactional
    boolean ensureAdmin(String email, String password) {
        String normalized = normalizeEmail(email);
        if (users.existsByEmail(normalized)) {
            return false;
        }
        Instant now = clock.instant();
        User admin = new User(UUID.randomUUID(), normalized, hasher.hash(password), "UCLG Learning admin", "en",
                "ES", RegionalSection.WORLD, "UCLG World Secretariat", OrganizationType.INTERNATIONAL_ORGANIZATION,
                null, 0, null, now, now);
        users.save(admin);
        grants.grant(admin.id(), Role.LEARNER.name(), null, null, now);
        grants.grant(admin.id(), Role.ADMIN.name(), null, null, now);
        return true;
    }

    /** The user's roles and coordinated regional sections as stored now; an unknown id has none. */
    @Transactional(readOnly = true)
    public UserAccess access(UUID userId) {
        List<RoleGrant> userGrants = grants.findByUserId(userId);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Set<RegionalSection> coordinated = EnumSet.noneOf(RegionalSection.class);
        for (RoleGrant g : userGrants) {
            roles.add(g.role());
            if (g.role() == Role.SECTION_COORDINATOR && g.regionalSection() != null) {
                coordinated.add(g.regionalSection());
            }
        }
        return new UserAccess(userId, roles, coordinated);
    }

    @Transactional(readOnly = true)
    public boolean exists(UUID userId) {
        return users.existsById(userId);
    }

    /** Accounts by id (unknown ids are left out), with their roles. */
    @Transactional(readOnly = true)
    public List<UserResponse> users(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<RoleGrant>> byUser = grants.findByUserIdIn(ids).stream()
                .collect(Collectors.groupingBy(RoleGrant::userId));
        return users.findByIdIn(ids).stream()
                .map(u -> UserResponse.of(u, byUser.getOrDefault(u.id(), List.of())))
                .toList();
    }

    /** Ids of the accounts with these emails (normalised here), keyed by normalised email. */
    @Transactional(readOnly = true)
    public Map<String, UUID> idsByEmail(Collection<String> emails) {
        if (emails.isEmpty()) {
            return Map.of();
        }
        List<String> normalized = emails.stream().map(PeopleApi::normalizeEmail).distinct().toList();
        Map<String, UUID> ids = new HashMap<>();
        for (User u : users.findByEmailIn(normalized)) {
            ids.put(u.email(), u.id());
        }
        return ids;
    }

    /**
     * Creates LEARNER accounts without a password (password_hash NULL: nobody can log in until a
     * reset link sets one). 409 on an email that exists, also when a concurrent request created it.
     * Returns the new ids keyed by normalised email.
     */
    @Transactional
    public Map<String, UUID> createInvited(List<InvitedAccount> accounts) {
        if (accounts.isEmpty()) {
            return Map.of();
        }
        Instant now = clock.instant();
        List<User> created = new ArrayList<>(accounts.size());
        Map<String, UUID> ids = new HashMap<>();
        for (InvitedAccount a : accounts) {
            String email = normalizeEmail(a.email());
            String organization = a.organization() == null || a.organization().isBlank() ? null : a.organization().strip();
            User user = new User(UUID.randomUUID(), email, null, normalizeName(a.fullName()),
                    a.preferredLanguage().toLowerCase(Locale.ROOT), a.country().toUpperCase(Locale.ROOT),
                    a.regionalSection(), organization, null, null, 0, null, now, now);
            if (ids.putIfAbsent(email, user.id()) != null) {
                throw new ConflictException("email-taken", "the email " + email + " appears twice", "email");
            }
            created.add(user);
        }
        if (!users.findByEmailIn(ids.keySet()).isEmpty()) {
            throw new ConflictException("email-taken", "an account with this email already exists", "email");
        }
        try {
            users.saveAll(created);
        } catch (DataAccessException e) {
            throw new ConflictException("email-taken", "an account with this email already exists", "email");
        }
        grants.saveAll(created.stream()
                .map(u -> new RoleGrant(null, u.id(), Role.LEARNER, null, null, now)).toList());
        return ids;
    }

    private UserResponse view(User user) {
        return UserResponse.of(user, grants.findByUserId(user.id()));
    }
}
