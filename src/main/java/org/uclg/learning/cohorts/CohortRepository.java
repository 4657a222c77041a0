package org.uclg.learning.cohorts;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface CohortRepository extends CrudRepository<Cohort, UUID> {

    /** The one lock on a cohort: edits and every seat change take it, so an edit never races an enrolment. */
    @Query("SELECT * FROM cohorts WHERE id = :id FOR UPDATE")
    Optional<Cohort> findByIdForUpdate(UUID id);

    /** The count of taken seats, written only under {@link #findByIdForUpdate}'s lock (CHECK seats_taken <= capacity). */
    @Query("UPDATE cohorts SET seats_taken = :taken WHERE id = :id")
    int updateSeatsTaken(UUID id, int taken);
}
