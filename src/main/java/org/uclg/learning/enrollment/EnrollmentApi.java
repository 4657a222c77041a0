package org.uclg.learning.enrollment;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.uclg.learning.cohorts.CohortKind;
import org.uclg.learning.cohorts.CohortResponse;
import org.uclg.learning.cohorts.CohortsApi;
import org.uclg.learning.cohorts.EnrollmentPolicy;
import org.uclg.learning.people.PeopleApi;
import org.uclg.learning.people.UserAccess;
import org.uclg.learning.people.UserResponse;
import org.uclg.learning.shared.ConflictException;
import org.uclg.learning.shared.ForbiddenException;
import org.uclg.learning.shared.NotFoundException;
import org.uclg.learning.shared.PageResponse;
import org.uclg.learning.shared.ProblemException;
import org.uclg.learning.shared.Seats;
import org.uclg.learning.shared.ValidationException;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Enrollments and their lifecycle; every change of who holds a seat goes through {@link #SEATS}. */
@Singleton
public class EnrollmentApi {
    private static final Logger LOG = LoggerFactory.getLogger(EnrollmentApi.class);

    /** Seats of a cohort: the cohort row owns them, enrollments hold them, the waitlist is served by waitlisted_at. */
    static final Seats SEATS = new Seats(CohortsApi.SEAT_OWNER,
            new Seats.Places("enrollments", "id", "cohort_id", "status", EnrollmentStatus.WAITLISTED.name(), "waitlisted_at"));

    private final EnrollmentRepository enrollments;
    private final CohortsApi cohorts;
    private final PeopleApi people;
    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final ApplicationEventPublisher<EnrollmentCompleted> completions;
    private final List<CompletionHook> hooks;
    private final Clock clock;

    EnrollmentApi(EnrollmentRepository enrollments, CohortsApi cohorts, PeopleApi people, JdbcOperations jdbc,
                  TransactionOperations<Connection> transactions, ApplicationEventPublisher<EnrollmentCompleted> completions,
                  List<CompletionHook> hooks, Clock clock) {
        this.hooks = List.copyOf(hooks);
        this.enrollments = enrollments;
        this.cohorts = cohorts;
        this.people = people;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.completions = completions;
        this.clock = clock;
    }

    /**
     * Self-enrolment (no learnerId, or the caller's own) or enrolment of a named learner by someone
     * who manages the cohort. Self-enrolment in an APPLICATION cohort is an application; anything
     * else takes a seat, or a waitlist place when the cohort is full.
     */
    @Transactional
    EnrollmentResponse enroll(UUID cohortId, @Nullable UUID learnerId, UUID callerId) {
        UserAccess who = people.access(callerId);
        CohortResponse cohort = cohorts.cohort(cohortId);
        boolean staff = cohorts.canManage(who, cohort);
        if (!staff && !cohort.isOpen(cohorts.today())) {
            throw new NotFoundException("cohort", cohortId);
        }
        UUID learner = learnerId == null ? callerId : learnerId;
        boolean self = learner.equals(callerId);
        if (!self && !staff) {
            throw new ForbiddenException("only the cohort's trainers, coordinators of its regional section and admins enrol other learners");
        }
        if (!self && !people.exists(learner)) {
            throw new ValidationException("learnerId", "no account with this id");
        }
        Seats.SeatLock lock = lock(cohortId);
        if (enrollments.hasLivePlace(cohortId, learner)) {
            throw alreadyEnrolled();
        }
        Instant now = clock.instant();
        Enrollment enrollment = self && cohort.enrollmentPolicy() == EnrollmentPolicy.APPLICATION
                ? Enrollment.apply(cohortId, learner, callerId, now)
                : Enrollment.place(cohortId, learner, lock.take(), callerId, now);
        try {
            enrollments.save(enrollment);
        } catch (DataAccessException e) {
            throw alreadyEnrolled();
        }
        return EnrollmentResponse.of(enrollment);
    }

    @Transactional(readOnly = true)
    EnrollmentResponse enrollment(UUID id, UUID callerId) {
        Enrollment e = enrollments.findById(id).orElseThrow(() -> new NotFoundException("enrollment", id));
        if (!e.learnerId().equals(callerId) && !cohorts.canManage(people.access(callerId), cohorts.cohort(e.cohortId()))) {
            throw new NotFoundException("enrollment", id);
        }
        return EnrollmentResponse.of(e);
    }

    @Transactional(readOnly = true)
    PageResponse<EnrollmentResponse> mine(UUID callerId, @Nullable String status, int page, int size) {
        EnrollmentStatus s = parseStatus(status, page, size);
        Pageable pageable = Pageable.from(page, size, Sort.of(Sort.Order.desc("createdAt"), Sort.Order.asc("id")));
        Page<Enrollment> found = s == null ? enrollments.findByLearnerId(callerId, pageable)
                : enrollments.findByLearnerIdAndStatus(callerId, s, pageable);
        return new PageResponse<>(found.getContent().stream().map(EnrollmentResponse::of).toList(), page, size,
                found.getTotalSize());
    }

    /** The roster: for the cohort's trainers, coordinators of its regional section and admins. */
    @Transactional(readOnly = true)
    PageResponse<RosterEntryResponse> roster(UUID cohortId, UUID callerId, @Nullable String status, int page, int size) {
        requireManager(cohortId, callerId, "the roster");
        EnrollmentStatus s = parseStatus(status, page, size);
        Pageable pageable = Pageable.from(page, size, Sort.of(Sort.Order.asc("createdAt"), Sort.Order.asc("id")));
        Page<Enrollment> found = s == null ? enrollments.findByCohortId(cohortId, pageable)
                : enrollments.findByCohortIdAndStatus(cohortId, s, pageable);
        Map<String, UserResponse> learners = people.users(found.getContent().stream().map(Enrollment::learnerId).toList())
                .stream().collect(Collectors.toMap(UserResponse::id, Function.identity()));
        List<RosterEntryResponse> items = found.getContent().stream().map(e -> {
            UserResponse u = learners.get(e.learnerId().toString());
            return new RosterEntryResponse(e.id(), e.cohortId(), e.learnerId(), u == null ? null : u.fullName(),
                    u == null ? null : u.email(), u == null ? null : u.country(), u == null ? null : u.organization(),
                    e.status(), e.createdAt(), e.waitlistedAt(), e.enrolledAt());
        }).toList();
        return new PageResponse<>(items, page, size, found.getTotalSize());
    }

    @Transactional
    EnrollmentResponse accept(UUID id, UUID callerId) {
        return transition(id, callerId, false, (e, lock, now) -> {
            Enrollment next = e.accept(lock.hasRoom(), now);
            if (next.holdsSeat()) {
                lock.take();
            }
            return enrollments.update(next);
        });
    }

    @Transactional
    EnrollmentResponse reject(UUID id, UUID callerId) {
        return transition(id, callerId, false, (e, lock, now) -> {
            Enrollment next = enrollments.update(e.reject(now));
            promoteWaitlisted(lock, now);
            return next;
        });
    }

    /** The learner or a manager of the cohort; the freed seat goes to the oldest waitlisted learner. */
    @Transactional
    EnrollmentResponse withdraw(UUID id, UUID callerId) {
        return transition(id, callerId, true, (e, lock, now) -> {
            Enrollment next = enrollments.update(e.withdraw(now));
            lock.release();
            promoteWaitlisted(lock, now);
            return next;
        });
    }

    /** ENROLLED → COMPLETED by hand (a trainer, coordinator or admin). */
    @Transactional
    EnrollmentResponse complete(UUID id, UUID callerId) {
        return transition(id, callerId, false, (e, lock, now) -> completeLocked(e, now));
    }

    /**
     * ENROLLED → COMPLETED because the cohort's completion rule is met (the progress feature). The
     * caller holds the row lock from {@link #lockForProgress}; the seat stays taken, so the cohort's
     * seat lock is not needed.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public EnrollmentResponse completeByRule(UUID id) {
        Enrollment current = enrollments.findByIdForUpdate(id).orElseThrow(() -> new NotFoundException("enrollment", id));
        return EnrollmentResponse.of(completeLocked(current, clock.instant()));
    }

    /** Locks an enrollment until the transaction ends, with no access check (the caller checks). */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public EnrollmentResponse lockForProgress(UUID id) {
        return EnrollmentResponse.of(enrollments.findByIdForUpdate(id).orElseThrow(() -> new NotFoundException("enrollment", id)));
    }

    /** An enrollment with no access check: for features that check access themselves. */
    @Transactional(readOnly = true)
    public EnrollmentResponse find(UUID id) {
        return EnrollmentResponse.of(enrollments.findById(id).orElseThrow(() -> new NotFoundException("enrollment", id)));
    }

    /** The enrollments holding a seat (ENROLLED, COMPLETED) of a cohort, oldest first, with no access check. */
    @Transactional(readOnly = true)
    public PageResponse<EnrollmentResponse> seated(UUID cohortId, int page, int size) {
        Page<Enrollment> found = enrollments.findByCohortIdAndStatusIn(cohortId,
                List.of(EnrollmentStatus.ENROLLED, EnrollmentStatus.COMPLETED),
                Pageable.from(page, size, Sort.of(Sort.Order.asc("createdAt"), Sort.Order.asc("id"))));
        return new PageResponse<>(found.getContent().stream().map(EnrollmentResponse::of).toList(), page, size,
                found.getTotalSize());
    }

    /** Completing a TOT cohort certifies the learner as a trainer of its module; EnrollmentCompleted follows the commit. */
    private Enrollment completeLocked(Enrollment e, Instant now) {
        Enrollment next = enrollments.update(e.complete(now));
        CohortResponse cohort = cohorts.cohort(next.cohortId());
        if (cohort.kind() == CohortKind.TOT) {
            cohorts.certifyTrainer(next.learnerId(), cohort.moduleCode(), cohort.id(), cohorts.today());
        }
        EnrollmentCompleted event = new EnrollmentCompleted(next.id(), cohort.id(), next.learnerId(),
                cohort.moduleCode(), cohort.kind(), cohort.language(), now);
        hooks.forEach(hook -> hook.completing(event));
        afterCommit(() -> completions.publishEvent(event));
        return next;
    }

    /** Fills free seats of a cohort from its waitlist (after its capacity grew); joins the caller's transaction. */
    @Transactional
    void fillWaitlist(UUID cohortId) {
        promoteWaitlisted(lock(cohortId), clock.instant());
    }

    /** Locks the cohort's seats for the rest of the transaction. */
    Seats.SeatLock lock(UUID cohortId) {
        return SEATS.lock(jdbc.getConnection(), cohortId).orElseThrow(() -> new NotFoundException("cohort", cohortId));
    }

    /** The cohort, if the caller manages it; 403 if they only see it, 404 if not even that. */
    CohortResponse requireManager(UUID cohortId, UUID callerId, String what) {
        UserAccess who = people.access(callerId);
        CohortResponse cohort = cohorts.cohort(cohortId);
        if (!cohorts.canManage(who, cohort)) {
            if (!cohorts.canSee(who, cohort)) {
                throw new NotFoundException("cohort", cohortId);
            }
            throw new ForbiddenException("only the cohort's trainers, coordinators of its regional section and admins see or change " + what);
        }
        return cohort;
    }

    private interface Step {
        Enrollment apply(Enrollment current, Seats.SeatLock lock, Instant now);
    }

    /**
     * Access first (404 to strangers, 403 to a learner asking for a manager's step), then the cohort's
     * seat lock, then the enrollment re-read under it: concurrent steps on one cohort run one at a time.
     */
    private EnrollmentResponse transition(UUID id, UUID callerId, boolean learnerMay, Step step) {
        Enrollment seen = enrollments.findById(id).orElseThrow(() -> new NotFoundException("enrollment", id));
        UserAccess who = people.access(callerId);
        boolean manager = cohorts.canManage(who, cohorts.cohort(seen.cohortId()));
        boolean own = seen.learnerId().equals(callerId);
        if (!manager && !own) {
            throw new NotFoundException("enrollment", id);
        }
        if (!manager && !learnerMay) {
            throw new ForbiddenException("only the cohort's trainers, coordinators of its regional section and admins may do this");
        }
        Seats.SeatLock lock = lock(seen.cohortId());
        // locked too: progress may complete the enrollment concurrently, holding only this row's lock
        Enrollment current = enrollments.findByIdForUpdate(id).orElseThrow(() -> new NotFoundException("enrollment", id));
        return EnrollmentResponse.of(step.apply(current, lock, clock.instant()));
    }

    private void promoteWaitlisted(Seats.SeatLock lock, Instant now) {
        lock.promoteWaitlisted(waitingId -> enrollments.update(
                enrollments.findById(waitingId).orElseThrow().promote(now)));
    }

    private void afterCommit(Runnable action) {
        Runnable safe = () -> {
            try {
                action.run();
            } catch (RuntimeException e) {
                // the completion is committed; a failing listener must not turn it into an error
                LOG.error("a listener of EnrollmentCompleted failed", e);
            }
        };
        transactions.findTransactionStatus().ifPresentOrElse(status -> status.registerSynchronization(
                new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        safe.run();
                    }
                }), safe);
    }

    private static EnrollmentStatus parseStatus(@Nullable String status, int page, int size) {
        List<ProblemException.FieldError> errors = new ArrayList<>();
        EnrollmentStatus parsed = null;
        if (status != null && !status.isBlank()) {
            try {
                parsed = EnrollmentStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new ProblemException.FieldError("status", "must be one of " + List.of(EnrollmentStatus.values())));
            }
        }
        if (page < 0) {
            errors.add(new ProblemException.FieldError("page", "must be 0 or more"));
        }
        if (size < 1 || size > 200) {
            errors.add(new ProblemException.FieldError("size", "must be between 1 and 200"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return parsed;
    }

    private static ConflictException alreadyEnrolled() {
        return new ConflictException("already-enrolled", "the learner already holds a place in this cohort", "learnerId");
    }
}
