package org.uclg.learning.events.registration;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface RegistrationRepository extends CrudRepository<Registration, UUID> {

    /** The person's live place (REGISTERED or WAITLISTED), which the partial unique index allows once. */
    @Query("SELECT * FROM event_registrations WHERE event_id = :eventId AND user_id = :userId AND status IN ('REGISTERED', 'WAITLISTED')")
    Optional<Registration> findLive(UUID eventId, UUID userId);

    /** The next person off the waitlist (event_registrations_waitlist_idx); read under the event's seat lock. */
    @Query("SELECT id FROM event_registrations WHERE event_id = :eventId AND status = 'WAITLISTED' ORDER BY waitlisted_at, id LIMIT 1")
    Optional<UUID> findOldestWaitlisted(UUID eventId);

    /** Tells every live registration that the event was cancelled; run under the event's lock. */
    @Query("""
            UPDATE event_registrations SET status = 'EVENT_CANCELLED', cancelled_at = :now, updated_at = :now
            WHERE event_id = :eventId AND status IN ('REGISTERED', 'WAITLISTED')""")
    int cancelAllLive(UUID eventId, Instant now);

    Page<Registration> findByEventId(UUID eventId, Pageable pageable);

    Page<Registration> findByEventIdAndStatus(UUID eventId, RegistrationStatus status, Pageable pageable);

    Page<Registration> findByUserId(UUID userId, Pageable pageable);

    /** Which of these people have a standing attendance record at the event (for the organiser's list). */
    @Query("SELECT user_id FROM event_attendance WHERE event_id = :eventId AND user_id IN (:userIds) AND removed_at IS NULL")
    List<UUID> findAttended(UUID eventId, Collection<UUID> userIds);
}
