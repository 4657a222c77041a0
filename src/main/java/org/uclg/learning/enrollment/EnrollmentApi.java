package org.uclg.learning.enrollment;

import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.uclg.learning.cohorts.CohortAccess;
import org.uclg.learning.cohorts.CohortResponse;
import org.uclg.learning.cohorts.CohortsApi;
import org.uclg.learning.people.UserAccess;
import org.uclg.learning.shared.NotFoundException;
import org.uclg.learning.shared.PageResponse;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * What other features may ask of enrollments. Every read takes the caller's {@link UserAccess} and
 * applies the cohort access policy; background jobs pass {@link UserAccess#SYSTEM}.
 */
@Singleton
public class EnrollmentApi {
    private final EnrollmentRepository enrollments;
    private final Completions completions;
    private final CohortsApi cohorts;
    private final CohortAccess access;
    private final Clock clock;

    EnrollmentApi(EnrollmentRepository enrollments, Completions completions, CohortsApi cohorts, CohortAccess access, Clock clock) {
        this.enrollments = enrollments;
        this.completions = completions;
        this.cohorts = cohorts;
        this.access = access;
        this.clock = clock;
    }

    /** An enrollment and its cohort as one caller reaches them; {@code managed} when as a manager of the cohort. */
    public record Reached(EnrollmentResponse enrollment, CohortResponse cohort, boolean managed) {
    }

    /** An enrollment, for its learner and whoever manages its cohort (404 for anyone else). */
    @Transactional(readOnly = true)
    public Reached find(UUID id, UserAccess who) {
        return reach(enrollments.findById(id).orElseThrow(() -> new NotFoundException("enrollment", id)), who);
    }

    /**
     * Locks an enrollment until the transaction ends (progress on one enrollment is applied one
     * request at a time), for its learner and whoever manages its cohort.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Reached lockForProgress(UUID id, UserAccess who) {
        return reach(enrollments.findByIdForUpdate(id).orElseThrow(() -> new NotFoundException("enrollment", id)), who);
    }

    /**
     * ENROLLED → COMPLETED because the cohort's completion rule is met: only inside the transaction
     * that holds the row lock from {@link #lockForProgress}; the seat stays taken.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public EnrollmentResponse completeByRule(UUID id) {
        Enrollment current = enrollments.findByIdForUpdate(id).orElseThrow(() -> new NotFoundException("enrollment", id));
        return EnrollmentResponse.of(completions.complete(current, clock.instant()));
    }

    /** The enrollments holding a seat (ENROLLED, COMPLETED) of a cohort the caller manages, oldest first. */
    @Transactional(readOnly = true)
    public PageResponse<EnrollmentResponse> seated(CohortResponse cohort, UserAccess who, int page, int size) {
        access.requireManager(who, cohort, "its learners");
        Page<Enrollment> found = enrollments.findByCohortIdAndStatusIn(cohort.id(),
                List.of(EnrollmentStatus.ENROLLED, EnrollmentStatus.COMPLETED),
                Pageable.from(page, size, Sort.of(Sort.Order.asc("createdAt"), Sort.Order.asc("id"))));
        return new PageResponse<>(found.getContent().stream().map(EnrollmentResponse::of).toList(), page, size,
                found.getTotalSize());
    }

    /**
     * The learner's seated place (ENROLLED or COMPLETED) in a cohort, if any: for the learner and
     * whoever manages the cohort (404 for anyone else); an event of the cohort asks this.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<EnrollmentResponse> seatedPlace(UUID cohortId, UUID learnerId, UserAccess who) {
        access.requireHolderOrManager(who, cohorts.cohort(cohortId), learnerId, "enrollment", learnerId);
        return enrollments.findLivePlaces(cohortId, List.of(learnerId)).stream().filter(Enrollment::holdsSeat)
                .findFirst().map(EnrollmentResponse::of);
    }

    private Reached reach(Enrollment e, UserAccess who) {
        CohortResponse cohort = cohorts.cohort(e.cohortId());
        boolean managed = access.requireHolderOrManager(who, cohort, e.learnerId(), "enrollment", e.id());
        return new Reached(EnrollmentResponse.of(e), cohort, managed);
    }
}
