package org.uclg.learning.enrollment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.uclg.learning.cohorts.CohortAccess;
import org.uclg.learning.cohorts.CohortResponse;
import org.uclg.learning.cohorts.CohortsApi;
import org.uclg.learning.cohorts.EnrollmentPolicy;
import org.uclg.learning.people.PeopleApi;
import org.uclg.learning.people.UserAccess;
import org.uclg.learning.shared.ConflictException;
import org.uclg.learning.shared.ForbiddenException;
import org.uclg.learning.shared.NotFoundException;
import org.uclg.learning.shared.SeatLock;
import org.uclg.learning.shared.ValidationException;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Enrolment and the steps of an enrollment's lifecycle; every change of who holds a seat runs under {@link CohortSeats}. */
@Singleton
class EnrollmentLifecycle {
    private final EnrollmentRepository enrollments;
    private final CohortSeats seats;
    private final Completions completions;
    private final CohortsApi cohorts;
    private final CohortAccess access;
    private final PeopleApi people;
    private final EnrollmentNotices notices;
    private final Clock clock;

    EnrollmentLifecycle(EnrollmentRepository enrollments, CohortSeats seats, Completions completions, CohortsApi cohorts,
                        CohortAccess access, PeopleApi people, EnrollmentNotices notices, Clock clock) {
        this.notices = notices;
        this.enrollments = enrollments;
        this.seats = seats;
        this.completions = completions;
        this.cohorts = cohorts;
        this.access = access;
        this.people = people;
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
        boolean staff = access.level(who, cohort) == CohortAccess.Level.MANAGE;
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
        SeatLock lock = seats.lock(cohortId);
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
        notices.placed(enrollment, cohort);
        return EnrollmentResponse.of(enrollment);
    }

    @Transactional
    EnrollmentResponse accept(UUID id, UUID callerId) {
        return transition(id, callerId, false, (e, lock, now) -> {
            Enrollment next = e.accept(lock.hasRoom(), now);
            if (next.holdsSeat()) {
                lock.take();
            }
            Enrollment stored = enrollments.update(next);
            notices.accepted(stored, cohorts.cohort(stored.cohortId()));
            return stored;
        });
    }

    @Transactional
    EnrollmentResponse reject(UUID id, UUID callerId) {
        return transition(id, callerId, false, (e, lock, now) -> {
            Enrollment next = enrollments.update(e.reject(now));
            notices.rejected(next, cohorts.cohort(next.cohortId()));
            seats.promoteWaitlisted(lock, e.cohortId(), now);
            return next;
        });
    }

    /** The learner or a manager of the cohort; the freed seat goes to the oldest waitlisted learner. */
    @Transactional
    EnrollmentResponse withdraw(UUID id, UUID callerId) {
        return transition(id, callerId, true, (e, lock, now) -> {
            Enrollment next = enrollments.update(e.withdraw(now));
            lock.release();
            seats.promoteWaitlisted(lock, e.cohortId(), now);
            return next;
        });
    }

    /** ENROLLED → COMPLETED by hand (a trainer, coordinator or admin). */
    @Transactional
    EnrollmentResponse complete(UUID id, UUID callerId) {
        return transition(id, callerId, false, (e, lock, now) -> completions.complete(e, now));
    }

    /** Fills free seats of a cohort from its waitlist (after its capacity grew); joins the caller's transaction. */
    @Transactional
    void fillWaitlist(UUID cohortId) {
        seats.promoteWaitlisted(seats.lock(cohortId), cohortId, clock.instant());
    }

    private interface Step {
        Enrollment apply(Enrollment current, SeatLock lock, Instant now);
    }

    /**
     * Access first (404 to strangers, 403 to a learner asking for a manager's step), then the cohort's
     * seat lock, then the enrollment re-read under it: concurrent steps on one cohort run one at a time.
     */
    private EnrollmentResponse transition(UUID id, UUID callerId, boolean learnerMay, Step step) {
        Enrollment seen = enrollments.findById(id).orElseThrow(() -> new NotFoundException("enrollment", id));
        boolean manager = access.requireHolderOrManager(people.access(callerId), cohorts.cohort(seen.cohortId()),
                seen.learnerId(), "enrollment", id);
        if (!manager && !learnerMay) {
            throw new ForbiddenException("only the cohort's trainers, coordinators of its regional section and admins may do this");
        }
        SeatLock lock = seats.lock(seen.cohortId());
        // locked too: progress may complete the enrollment concurrently, holding only this row's lock
        Enrollment current = enrollments.findByIdForUpdate(id).orElseThrow(() -> new NotFoundException("enrollment", id));
        return EnrollmentResponse.of(step.apply(current, lock, clock.instant()));
    }

    private static ConflictException alreadyEnrolled() {
        return new ConflictException("already-enrolled", "the learner already holds a place in this cohort", "learnerId");
    }
}
