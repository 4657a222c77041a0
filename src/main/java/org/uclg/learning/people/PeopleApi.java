package org.uclg.learning.people;

import org.uclg.learning.people.auth.PasswordHasher;
import org.uclg.learning.people.auth.SecurityProperties;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.uclg.learning.notifications.Recipient;
import org.uclg.learning.shared.ConflictException;
import org.uclg.learning.shared.NotFoundException;
import org.uclg.learning.shared.UnauthorizedException;
import org.uclg.learning.shared.ValidationException;

import java.text.Normalizer;
import java.time.Clock;
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
    /** The claim of a token that carries the account's token version (see auth/CurrentRolesAuthenticationFactory). */
    public static final String VERSION_CLAIM = "ver";
    private static final String BAD_TOKEN = "is unknown, expired or already used";

    private final UserRepository users;
    private final RoleGrantRepository grants;
    private final PasswordHasher hasher;
    private final SecurityProperties security;
    private final LoginThrottle throttle;
    private final AccountTokens tokens;
    private final TokenStates states;
    private final AccountNotices notices;
    private final Clock clock;

    PeopleApi(UserRepository users, RoleGrantRepository grants, PasswordHasher hasher, SecurityProperties security,
              LoginThrottle throttle, AccountTokens tokens, TokenStates states, AccountNotices notices, Clock clock) {
        this.notices = notices;
        this.users = users;
        this.grants = grants;
        this.hasher = hasher;
        this.security = security;
        this.throttle = throttle;
        this.tokens = tokens;
        this.states = states;
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
        User existing = users.findByEmail(email).orElse(null);
        if (existing != null && existing.unclaimed()) {
            throw new ConflictException("account-unclaimed", "an account with this email was created for you by a roster "
                    + "import and is not claimed yet: ask the person who imported you for its claim token and set your "
                    + "password with POST /api/v1/auth/claim", "email");
        }
        if (existing != null) {
            throw new ConflictException("email-taken", "an account with this email already exists", "email");
        }
        Instant now = clock.instant();
        User user = new User(UUID.randomUUID(), email, hasher.hash(request.password()),
                normalizeName(request.fullName()), request.preferredLanguage(),
                request.country().toUpperCase(Locale.ROOT), request.regionalSection(),
                request.organization().strip(), request.organizationType(),
                request.gender() == null || request.gender().isBlank() ? null : request.gender().strip(),
                0, now, now);
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
     * Checks a password from a client address. Every try is counted per account and address before
     * the password is checked ({@link LoginThrottle}: a progressive delay, 429 with Retry-After
     * while it runs); unknown accounts and accounts without a password answer exactly like a wrong
     * password. The authentication carries the account's current token version.
     */
    public Authentication authenticate(String email, String password, String clientAddress) {
        String normalized = normalizeEmail(email);
        throttle.attempt(normalized, clientAddress);
        User user = users.findByEmail(normalized).orElse(null);
        if (!hasher.matches(password, user == null ? null : user.passwordHash())) {
            throw new UnauthorizedException("wrong email or password");
        }
        throttle.succeeded(normalized, clientAddress);
        return authentication(user);
    }

    /**
     * Changes the caller's password after checking the current one (counted like a login, so a
     * stolen token cannot be used to guess the password). Every token issued before stops working;
     * the returned authentication is for a new one.
     */
    public Authentication changePassword(UUID userId, String currentPassword, String newPassword, String clientAddress) {
        User user = users.findById(userId).orElseThrow(() -> new NotFoundException("user", userId));
        throttle.attempt(user.email(), clientAddress);
        if (!hasher.matches(currentPassword, user.passwordHash())) {
            throw new ValidationException("currentPassword", "is not the account's current password");
        }
        throttle.succeeded(user.email(), clientAddress);
        return setPassword(user.id(), newPassword);
    }

    /**
     * Claims an account a roster import created: the one-time token sets its password. One answer
     * for a token that is unknown, expired or used, and for an account that has a password already.
     */
    @Transactional
    public Authentication claim(String token, String password) {
        Instant now = clock.instant();
        UUID userId = tokens.use(token, AccountTokens.Purpose.CLAIM, now)
                .orElseThrow(() -> new ValidationException("token", BAD_TOKEN));
        User user = users.findById(userId).filter(User::unclaimed)
                .orElseThrow(() -> new ValidationException("token", BAD_TOKEN));
        tokens.retireAll(user.id(), AccountTokens.Purpose.CLAIM, now);
        return setPassword(user.id(), password);
    }

    /** Sets the password and ends every token issued before (the token version goes up). */
    Authentication setPassword(UUID userId, String password) {
        users.changePassword(userId, hasher.hash(password), clock.instant());
        states.forget(userId);
        return authentication(users.findById(userId).orElseThrow(() -> new NotFoundException("user", userId)));
    }

    private Authentication authentication(User user) {
        List<String> roles = grants.findByUserId(user.id()).stream().map(g -> g.role().name()).distinct().toList();
        return Authentication.build(user.id().toString(), roles,
                Map.of("email", user.email(), VERSION_CLAIM, user.tokenVersion()));
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
        String section = scoped ? request.regionalSection().name() : null;
        Instant now = clock.instant();
        if (grants.grant(user.id(), request.role().name(), section, grantedBy, now) == 1) {
            grants.audit(user.id(), request.role().name(), section, "GRANTED", grantedBy, now);
        }
        states.forget(user.id());
        return view(user);
    }

    /**
     * Removes a role (for SECTION_COORDINATOR, its scope in one regional section), audited. Effective
     * at once on this instance and within {@code learning.security.access-cache} everywhere, old
     * tokens included: requests are decided on the roles stored. The last admin stays.
     */
    @Transactional
    UserResponse removeRole(UUID userId, String roleName, RegionalSection regionalSection, UUID removedBy) {
        User user = users.findById(userId).orElseThrow(() -> new NotFoundException("user", userId));
        Role role = java.util.Arrays.stream(Role.values()).filter(r -> r.name().equals(roleName)).findFirst()
                .orElseThrow(() -> new NotFoundException("role", roleName));
        if (role == Role.LEARNER) {
            throw new ValidationException("role", "every account is a LEARNER; remove TRAINER, SECTION_COORDINATOR or ADMIN");
        }
        boolean scoped = role == Role.SECTION_COORDINATOR;
        if (scoped && regionalSection == null) {
            throw new ValidationException("regionalSection", "name the regional section whose coordination ends");
        }
        if (!scoped && regionalSection != null) {
            throw new ValidationException("regionalSection", "only SECTION_COORDINATOR is scoped to a regional section");
        }
        if (role == Role.ADMIN && grants.lockAndCountAdmins() <= 1
                && access(userId).isAdmin()) {
            throw new ConflictException("last-admin", "this is the last admin; grant ADMIN to someone else first", "role");
        }
        String section = scoped ? regionalSection.name() : null;
        if (grants.revoke(user.id(), role.name(), section) == 0) {
            throw new NotFoundException("role", role.name() + (scoped ? " of " + section : "") + " of user " + userId);
        }
        grants.audit(user.id(), role.name(), section, "REMOVED", removedBy, clock.instant());
        states.forget(user.id());
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
                null, 0, now, now);
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

    /** Where and in which language to tell this person something (features that notify ask here). */
    @Transactional(readOnly = true)
    public Recipient recipient(UUID userId) {
        return users.findById(userId).map(AccountNotices::recipient).orElseThrow(() -> new NotFoundException("user", userId));
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
     * Creates LEARNER accounts without a password for someone else (a roster import by
     * {@code createdBy}): nobody can log in until the owner claims the account with the one-time
     * claim token returned here, which the importer passes on. 409 on an email that exists, also
     * when a concurrent request created it. Returns the new accounts keyed by normalised email.
     */
    @Transactional
    public Map<String, Invitation> createInvited(List<InvitedAccount> accounts, UUID createdBy) {
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
                    a.regionalSection(), organization, null, null, 0, now, now);
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
        Instant expires = now.plus(security.claimTokenTtl());
        String inviter = users.findById(createdBy).map(User::fullName).orElse("UCLG");
        Map<String, Invitation> invitations = new HashMap<>();
        for (User u : created) {
            AccountTokens.Issued claim = tokens.issue(u.id(), AccountTokens.Purpose.CLAIM, createdBy, now, expires);
            invitations.put(u.email(), new Invitation(u.id(), claim.token(), claim.expiresAt()));
            notices.invitation(u, claim, inviter);
        }
        return invitations;
    }

    /**
     * A fresh claim token for an account nobody claimed yet (the first one was lost or expired);
     * every earlier claim token of the account stops working. 409 once the account has a password.
     */
    @Transactional
    Invitation reissueClaim(UUID userId, UUID issuedBy) {
        User user = users.findById(userId).orElseThrow(() -> new NotFoundException("user", userId));
        if (!user.unclaimed()) {
            throw new ConflictException("already-claimed", "this account has a password already; its owner logs in");
        }
        Instant now = clock.instant();
        tokens.retireAll(user.id(), AccountTokens.Purpose.CLAIM, now);
        AccountTokens.Issued claim = tokens.issue(user.id(), AccountTokens.Purpose.CLAIM, issuedBy, now,
                now.plus(security.claimTokenTtl()));
        notices.invitation(user, claim, users.findById(issuedBy).map(User::fullName).orElse("UCLG"));
        return new Invitation(user.id(), claim.token(), claim.expiresAt());
    }

    private UserResponse view(User user) {
        return UserResponse.of(user, grants.findByUserId(user.id()));
    }
}
