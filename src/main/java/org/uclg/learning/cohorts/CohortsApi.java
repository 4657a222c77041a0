package org.uclg.learning.cohorts;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.uclg.learning.catalog.CatalogApi;
import org.uclg.learning.cohorts.trainers.TrainerCertifications;
import org.uclg.learning.people.PeopleApi;
import org.uclg.learning.people.RegionalSection;
import org.uclg.learning.people.Role;
import org.uclg.learning.people.UserAccess;
import org.uclg.learning.people.UserResponse;
import org.uclg.learning.shared.EnumParameters;
import org.uclg.learning.shared.ForbiddenException;
import org.uclg.learning.shared.NotFoundException;
import org.uclg.learning.shared.PageResponse;
import org.uclg.learning.shared.ProblemException;
import org.uclg.learning.shared.Languages;
import org.uclg.learning.shared.Paging;
import org.uclg.learning.shared.SeatLock;
import io.micronaut.transaction.TransactionDefinition;
import org.uclg.learning.shared.ValidationException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Cohorts, their trainers and trainer certifications: what other features may ask of {@code cohorts}. */
@Singleton
public class CohortsApi {
    private final CohortRepository cohorts;
    private final TrainerCertifications certifications;
    private final CohortQueries queries;
    private final CatalogApi catalog;
    private final PeopleApi people;
    private final CohortAccess access;
    private final ApplicationEventPublisher<CohortCapacityChanged> capacityEvents;
    private final Clock clock;

    CohortsApi(CohortRepository cohorts, TrainerCertifications certifications, CohortQueries queries,
               CatalogApi catalog, PeopleApi people, CohortAccess access, ApplicationEventPublisher<CohortCapacityChanged> capacityEvents,
               Clock clock) {
        this.cohorts = cohorts;
        this.certifications = certifications;
        this.queries = queries;
        this.catalog = catalog;
        this.people = people;
        this.access = access;
        this.capacityEvents = capacityEvents;
        this.clock = clock;
    }

    /** Dates of cohorts are calendar dates; "today" is the UTC one. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The cohort, with no access check: for features that check access themselves. */
    @Transactional(readOnly = true)
    public CohortResponse cohort(UUID id) {
        Cohort c = cohorts.findById(id).orElseThrow(() -> new NotFoundException("cohort", id));
        return view(c);
    }

    /**
     * Locks the cohort's row until the transaction ends and hands out its seats: the cohort owns
     * them, enrollment holds them. Concurrent callers for one cohort queue here, one at a time.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public SeatLock lockSeats(UUID cohortId) {
        Cohort c = cohorts.findByIdForUpdate(cohortId).orElseThrow(() -> new NotFoundException("cohort", cohortId));
        return new SeatLock(c.id(), c.capacity(), c.seatsTaken(), cohorts::updateSeatsTaken);
    }

    /** The cohort if the caller manages it (403 if they only see it, 404 if not even that). */
    @Transactional(readOnly = true)
    public CohortResponse managed(UUID cohortId, UserAccess who, String what) {
        return access.requireManager(who, cohort(cohortId), what);
    }

    /**
     * Records that a learner became a certified trainer of a module by completing a TOT cohort. The
     * first certification per module counts; returns false when one existed.
     */
    @Transactional
    public boolean certifyTrainer(UUID trainerId, String moduleCode, UUID sourceCohortId, LocalDate certifiedOn) {
        return certifications.earned(trainerId, moduleCode, sourceCohortId, certifiedOn);
    }

    @Transactional
    CohortResponse create(CohortRequest request, UUID callerId) {
        UserAccess who = people.access(callerId);
        if (!who.isAdmin() && !who.coordinates(request.regionalSection())) {
            throw new ForbiddenException("only admins and coordinators of " + request.regionalSection() + " create its cohorts");
        }
        String module = check(request);
        Instant now = clock.instant();
        Cohort cohort = Cohort.create(module, request.kind(), request.language(), title(request, module),
                request.startDate(), request.endDate(), request.capacity(), request.enrollmentPolicy(),
                request.regionalSection(), callerId, now);
        cohorts.save(cohort);
        queries.replaceTrainers(cohort.id(), request.trainers(), callerId, now);
        return view(cohort);
    }

    @Transactional
    CohortResponse update(UUID id, CohortRequest request, UUID callerId) {
        UserAccess who = people.access(callerId);
        Cohort before = cohorts.findByIdForUpdate(id).orElseThrow(() -> new NotFoundException("cohort", id));
        if (!who.isAdmin() && !who.coordinates(before.regionalSection())) {
            access.requireVisible(who, view(before));
            throw new ForbiddenException("only admins and coordinators of " + before.regionalSection() + " edit its cohorts");
        }
        if (!who.isAdmin() && !who.coordinates(request.regionalSection())) {
            throw new ForbiddenException("you do not coordinate " + request.regionalSection() + ", so you cannot move a cohort there");
        }
        String module = check(request);
        Instant now = clock.instant();
        Cohort after = before.edit(module, request.kind(), request.language(), title(request, module), request.startDate(),
                request.endDate(), request.capacity(), request.enrollmentPolicy(), request.regionalSection(), now);
        cohorts.update(after);
        queries.replaceTrainers(id, request.trainers(), callerId, now);
        if (after.hasMoreRoomThan(before)) {
            // the waitlist keeper fills the new seats in this same transaction
            capacityEvents.publishEvent(new CohortCapacityChanged(id));
        }
        return cohort(id);
    }

    @Transactional(readOnly = true)
    CohortResponse visibleCohort(UUID id, @Nullable UUID callerId) {
        return access.requireVisible(callerId == null ? null : people.access(callerId), cohort(id));
    }

    @Transactional(readOnly = true)
    PageResponse<CohortResponse> search(@Nullable String module, @Nullable String regionalSection, @Nullable String language,
                                        @Nullable String kind, boolean mine, @Nullable UUID callerId, int page, int size) {
        List<ProblemException.FieldError> errors = new ArrayList<>();
        RegionalSection section = EnumParameters.parse(RegionalSection.class, regionalSection, "regionalSection", errors);
        CohortKind cohortKind = EnumParameters.parse(CohortKind.class, kind, "kind", errors);
        if (language != null && !Languages.isSupported(language)) {
            errors.add(new ProblemException.FieldError("language", Languages.PATTERN_MESSAGE));
        }
        if (mine && callerId == null) {
            errors.add(new ProblemException.FieldError("mine", "needs a signed-in caller"));
        }
        Paging.check(page, size, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        UserAccess who = callerId == null ? null : people.access(callerId);
        var filter = new CohortQueries.Filter(module == null ? null : module.toUpperCase(Locale.ROOT), section, language,
                cohortKind, mine);
        CohortQueries.Page found = queries.search(filter, who, today(), page, size);
        Map<UUID, List<UUID>> trainers = queries.trainers(found.items().stream().map(Cohort::id).toList());
        List<CohortResponse> items = found.items().stream()
                .map(c -> CohortResponse.of(c, trainers.getOrDefault(c.id(), List.of()))).toList();
        return new PageResponse<>(items, page, size, found.total());
    }

    /** Checks what a request refers to and the ToT rule; returns the normalised module code. */
    private String check(CohortRequest request) {
        List<ProblemException.FieldError> errors = new ArrayList<>();
        String module = request.moduleCode().strip().toUpperCase(Locale.ROOT);
        if (!catalog.exists(module)) {
            errors.add(new ProblemException.FieldError("moduleCode", "no module " + request.moduleCode() + " in the catalogue"));
        }
        if (request.endDate().isBefore(request.startDate())) {
            errors.add(new ProblemException.FieldError("endsOn", "must not be before startsOn"));
        }
        List<UUID> trainers = request.trainers();
        if (!trainers.isEmpty() && errors.isEmpty()) {
            Map<UUID, UserResponse> accounts = people.users(trainers).stream()
                    .collect(Collectors.toMap(UserResponse::id, Function.identity()));
            Set<UUID> certified = certifications.certifiedAmong(module, trainers);
            for (int i = 0; i < trainers.size(); i++) {
                String field = "trainerIds[" + i + "]";
                UserResponse account = accounts.get(trainers.get(i));
                if (account == null) {
                    errors.add(new ProblemException.FieldError(field, "no account with this id"));
                    continue;
                }
                boolean admin = account.roles().contains(Role.ADMIN);
                boolean isCertified = certified.contains(trainers.get(i));
                if (request.kind().requiresCertifiedTrainers() && !admin && !isCertified) {
                    errors.add(new ProblemException.FieldError(field, "is not a certified trainer of " + module
                            + "; a " + request.kind() + " cohort is led by trainers certified through a TOT cohort of the module"));
                } else if (!request.kind().requiresCertifiedTrainers() && !admin && !isCertified
                        && !account.roles().contains(Role.TRAINER)) {
                    errors.add(new ProblemException.FieldError(field, "has neither the TRAINER role nor a certification for " + module));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return module;
    }

    private String title(CohortRequest request, String module) {
        if (request.title() != null && !request.title().isBlank()) {
            return request.title().strip();
        }
        return catalog.title(module, request.language()).orElse(module);
    }

    private CohortResponse view(Cohort c) {
        return CohortResponse.of(c, queries.trainers(List.of(c.id())).getOrDefault(c.id(), List.of()));
    }

    /** The cohorts a trainer leads (for listings that show a trainer what they manage). */
    @Transactional(readOnly = true)
    public Set<UUID> ledBy(UUID trainerId) {
        return queries.ledBy(trainerId);
    }

}
