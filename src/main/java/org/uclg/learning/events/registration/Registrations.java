package org.uclg.learning.events.registration;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.uclg.learning.enrollment.EnrollmentApi;
import org.uclg.learning.events.EventResponse;
import org.uclg.learning.events.EventStatus;
import org.uclg.learning.events.EventsApi;
import org.uclg.learning.people.PeopleApi;
import org.uclg.learning.people.UserAccess;
import org.uclg.learning.shared.ConflictException;
import org.uclg.learning.shared.ForbiddenException;
import org.uclg.learning.shared.NotFoundException;
import org.uclg.learning.shared.SeatLock;
import org.uclg.learning.shared.ValidationException;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Registration for events: every change of who holds a seat runs under the event's seat lock
 * ({@link EventsApi#lockSeats}), so capacity is never exceeded and the waitlist moves up oldest first.
 */
@Singleton
public class Registrations {
    private final RegistrationRepository registrations;
    private final EventsApi events;
    private final EnrollmentApi enrollments;
    private final PeopleApi people;

    Registrations(RegistrationRepository registrations, EventsApi events, EnrollmentApi enrollments, PeopleApi people) {
        this.registrations = registrations;
        this.events = events;
        this.enrollments = enrollments;
        this.people = people;
    }

    /**
     * Registers the caller (no userId, or their own) or, for an organiser, someone else: a seat when
     * one is free, else the back of the waitlist. Only published events that have not ended; a
     * person's own registration closes at the deadline; an event of a cohort takes only the
     * cohort's enrolled learners.
     */
    @Transactional
    RegistrationResponse register(UUID eventId, @Nullable UUID userId, UUID callerId) {
        UserAccess who = people.access(callerId);
        EventsApi.Reached reached = events.visible(eventId, who, "en");
        UUID person = userId == null ? callerId : userId;
        boolean self = person.equals(callerId);
        if (!self && !reached.managed()) {
            throw new ForbiddenException("only the event's organisers register other people");
        }
        if (!self && !people.exists(person)) {
            throw new ValidationException("userId", "no account with this id");
        }
        EventResponse event = reached.event();
        if (event.cohortId() != null
                && enrollments.seatedPlace(event.cohortId(), person, UserAccess.SYSTEM).isEmpty()) {
            if (self) {
                throw new ForbiddenException("this event is for the enrolled learners of its cohort");
            }
            throw new ValidationException("userId", "is not an enrolled learner of the event's cohort");
        }
        EventsApi.Locked locked = events.lockSeats(eventId);
        event = locked.event();
        Instant now = events.now();
        requireOpen(event, now, self);
        if (registrations.findLive(eventId, person).isPresent()) {
            throw alreadyRegistered();
        }
        Registration registration = Registration.place(eventId, person, locked.seats().take(), callerId, now);
        try {
            registrations.save(registration);
        } catch (DataAccessException e) {
            throw alreadyRegistered();
        }
        return RegistrationResponse.of(registration);
    }

    /** The person or an organiser; a freed seat goes to the oldest waitlisted registration. */
    @Transactional
    RegistrationResponse cancel(UUID eventId, UUID registrationId, UUID callerId) {
        UserAccess who = people.access(callerId);
        Registration seen = registrations.findById(registrationId).filter(r -> r.eventId().equals(eventId))
                .orElseThrow(() -> new NotFoundException("registration", registrationId));
        EventsApi.Reached reached = events.visible(eventId, who, "en");
        if (!reached.managed() && !seen.userId().equals(callerId)) {
            throw new NotFoundException("registration", registrationId);
        }
        SeatLock seats = events.lockSeats(eventId).seats();
        Registration current = registrations.findById(registrationId).orElseThrow();
        Instant now = events.now();
        Registration next = registrations.update(current.cancel(callerId, now));
        if (current.holdsSeat()) {
            seats.release();
            promoteWaitlisted(seats, eventId, now);
        }
        return RegistrationResponse.of(next);
    }

    /** A registration, for its person and the event's organisers (404 for anyone else). */
    @Transactional(readOnly = true)
    RegistrationResponse get(UUID eventId, UUID registrationId, UUID callerId) {
        Registration r = registrations.findById(registrationId).filter(x -> x.eventId().equals(eventId))
                .orElseThrow(() -> new NotFoundException("registration", registrationId));
        EventsApi.Reached reached = events.visible(eventId, people.access(callerId), "en");
        if (!reached.managed() && !r.userId().equals(callerId)) {
            throw new NotFoundException("registration", registrationId);
        }
        return RegistrationResponse.of(r);
    }

    /** The person's live registration (REGISTERED or WAITLISTED) at an event, if any. */
    @Transactional(readOnly = true)
    public Optional<RegistrationResponse> live(UUID eventId, UUID userId) {
        return registrations.findLive(eventId, userId).map(RegistrationResponse::of);
    }

    /** Fills free seats from the waitlist after the capacity grew; joins the editing transaction. */
    @Transactional
    void fillWaitlist(UUID eventId) {
        promoteWaitlisted(events.lockSeats(eventId).seats(), eventId, events.now());
    }

    /** Tells every live registration that the event was cancelled and gives their seats back. */
    @Transactional
    void eventCancelled(UUID eventId) {
        SeatLock seats = events.lockSeats(eventId).seats();
        registrations.cancelAllLive(eventId, events.now());
        while (seats.taken() > 0) {
            seats.release();
        }
    }

    private void promoteWaitlisted(SeatLock seats, UUID eventId, Instant now) {
        seats.promoteWaitlisted(() -> registrations.findOldestWaitlisted(eventId),
                waitingId -> registrations.update(registrations.findById(waitingId).orElseThrow().promote(now)));
    }

    private static void requireOpen(EventResponse event, Instant now, boolean self) {
        if (event.status() != EventStatus.PUBLISHED) {
            throw new ConflictException("event-not-open", "registration is open only for PUBLISHED events; this one is "
                    + event.status(), "status");
        }
        if (!now.isBefore(event.endsAt())) {
            throw new ConflictException("registration-closed", "the event has ended", "endsAt");
        }
        if (self && !now.isBefore(event.registrationClosesAt())) {
            throw new ConflictException("registration-closed", "registration closed at " + event.registrationClosesAt()
                    + "; an organiser may still register you", "registrationDeadline");
        }
    }

    private static ConflictException alreadyRegistered() {
        return new ConflictException("already-registered", "this person is already registered or waitlisted for the event", "userId");
    }
}
