package org.uclg.learning.enrollment;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface EnrollmentRepository extends CrudRepository<Enrollment, UUID> {

    /** The learner's live place (anything but WITHDRAWN), which the partial unique index allows once. */
    @Query("SELECT EXISTS (SELECT 1 FROM enrollments WHERE cohort_id = :cohortId AND learner_id = :learnerId AND status <> 'WITHDRAWN')")
    boolean hasLivePlace(UUID cohortId, UUID learnerId);

    @Query("SELECT * FROM enrollments WHERE cohort_id = :cohortId AND learner_id IN (:learnerIds) AND status <> 'WITHDRAWN'")
    List<Enrollment> findLivePlaces(UUID cohortId, Collection<UUID> learnerIds);

    /** Reads and locks the row until the transaction ends: concurrent changes of one enrollment run one at a time. */
    @Query("SELECT * FROM enrollments WHERE id = :id FOR UPDATE")
    Optional<Enrollment> findByIdForUpdate(UUID id);

    /** The next learner off the waitlist (enrollments_waitlist_idx); read under the cohort's seat lock. */
    @Query("SELECT id FROM enrollments WHERE cohort_id = :cohortId AND status = 'WAITLISTED' ORDER BY waitlisted_at, id LIMIT 1")
    Optional<UUID> findOldestWaitlisted(UUID cohortId);

    Page<Enrollment> findByCohortIdAndStatusIn(UUID cohortId, Collection<EnrollmentStatus> statuses, Pageable pageable);

    Page<Enrollment> findByLearnerId(UUID learnerId, Pageable pageable);

    Page<Enrollment> findByLearnerIdAndStatus(UUID learnerId, EnrollmentStatus status, Pageable pageable);

    Page<Enrollment> findByCohortId(UUID cohortId, Pageable pageable);

    Page<Enrollment> findByCohortIdAndStatus(UUID cohortId, EnrollmentStatus status, Pageable pageable);

    /** Distinct people holding a seat in any of these cohorts (lineage reach). */
    @Query("SELECT count(DISTINCT learner_id) FROM enrollments WHERE cohort_id IN (:cohortIds) AND status IN ('ENROLLED', 'COMPLETED')")
    long countDistinctSeatedLearners(Collection<UUID> cohortIds);
}
