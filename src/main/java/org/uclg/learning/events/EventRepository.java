package org.uclg.learning.events;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface EventRepository extends CrudRepository<Event, UUID> {

    /** The one lock on an event: edits, status changes and every seat change take it, one at a time. */
    @Query("SELECT * FROM events WHERE id = :id FOR UPDATE")
    Optional<Event> findByIdForUpdate(UUID id);

    /** The count of taken seats, written only under {@link #findByIdForUpdate}'s lock (CHECK seats_taken <= capacity). */
    @Query("UPDATE events SET seats_taken = :taken WHERE id = :id")
    int updateSeatsTaken(UUID id, int taken);
}
