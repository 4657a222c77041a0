package org.uclg.learning.events;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.uclg.learning.cohorts.CohortResponse;
import org.uclg.learning.cohorts.CohortsApi;
import org.uclg.learning.people.PeopleApi;
import org.uclg.learning.people.RegionalSection;
import org.uclg.learning.people.UserAccess;
import org.uclg.learning.people.UserResponse;
import org.uclg.learning.shared.ForbiddenException;
import org.uclg.learning.shared.NotFoundException;
import org.uclg.learning.shared.PageResponse;
import org.uclg.learning.shared.ProblemException.FieldError;
import org.uclg.learning.shared.SeatLock;
import org.uclg.learning.shared.ValidationException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Events: creating, editing, publishing, cancelling, reading and listing them, and what the
 * registration, attendance and calendar parts of this feature ask of an event (its access level,
 * its seat lock).
 */
@Singleton
public class EventsApi {
    private final EventRepository events;
    private final EventQueries queries;
    private final EventAccess access;
    private final EventInput input;
    private final CohortsApi cohorts;
    private final PeopleApi people;
    private final ApplicationEventPublisher<EventCapacityGrew> capacityEvents;
    private final ApplicationEventPublisher<EventCancelled> cancelEvents;
    private final EventsProperties properties;
    private final Clock clock;

    EventsApi(EventRepository events, EventQueries queries, EventAccess access, EventInput input, CohortsApi cohorts,
              PeopleApi people, ApplicationEventPublisher<EventCapacityGrew> capacityEvents,
              ApplicationEventPublisher<EventCancelled> cancelEvents, EventsProperties properties, Clock clock) {
        this.events = events;
        this.queries = queries;
        this.access = access;
        this.input = input;
        this.cohorts = cohorts;
        this.people = people;
        this.capacityEvents = capacityEvents;
        this.cancelEvents = cancelEvents;
        this.properties = properties;
        this.clock = clock;
    }

    /** An event as one caller reaches it, with the cohort it belongs to (if any) and the caller's level. */
    public record Reached(EventResponse event, @Nullable CohortResponse cohort, EventAccess.Level level) {
        public boolean managed() {
            return level == EventAccess.Level.MANAGE;
        }
    }

    /** A locked event: its seats, for the rest of the transaction. */
    public record Locked(EventResponse event, SeatLock seats) {
    }

    public EventsProperties properties() {
        return properties;
    }

    public Instant now() {
        return clock.instant();
    }

    /** The event if the caller sees it (404 otherwise). */
    @Transactional(readOnly = true)
    public Reached visible(UUID id, @Nullable UserAccess who, String lang) {
        Reached r = reach(find(id), who, lang);
        EventAccess.requireVisible(r.level(), id);
        return r;
    }

    /** The event if the caller organises it: 404 if they do not even see it, 403 if they only see it. */
    @Transactional(readOnly = true)
    public Reached managed(UUID id, UserAccess who, String lang, String what) {
        Reached r = reach(find(id), who, lang);
        EventAccess.requireManager(r.level(), id, what);
        return r;
    }

    /**
     * Locks the event's row until the transaction ends and hands out its seats: the event owns them,
     * registrations hold them. Concurrent callers for one event queue here, one at a time.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Locked lockSeats(UUID id) {
        Event e = events.findByIdForUpdate(id).orElseThrow(() -> new NotFoundException("event", id));
        return new Locked(view(e, "en", true), new SeatLock(e.id(), e.capacity(), e.seatsTaken(), events::updateSeatsTaken));
    }

    /** The event with every field (its check-in code too), without an access check: for checks this feature makes itself. */
    @Transactional(readOnly = true)
    public EventResponse withCheckInCode(UUID id) {
        return view(find(id), "en", true);
    }

    @Transactional
    EventResponse create(EventRequest request, UUID callerId, String lang) {
        UserAccess who = people.access(callerId);
        CohortResponse cohort = cohortOf(request.cohortId());
        RegionalSection host = RegionalSection.valueOf(request.regionalSection());
        if (!access.mayCreate(who, host, cohort)) {
            throw new ForbiddenException(cohort == null
                    ? "only admins and coordinators of " + host + " create its events; trainers create events of their own cohorts"
                    : "only the cohort's trainers, coordinators of its regional section and admins create its events");
        }
        Event.Fields fields = fields(request, cohort);
        Instant now = clock.instant();
        Event event = events.save(Event.create(fields, callerId, now));
        queries.replaceOrganisers(event.id(), request.organisers(), callerId, now);
        return view(event, lang, true);
    }

    @Transactional
    EventResponse update(UUID id, EventRequest request, UUID callerId, String lang) {
        UserAccess who = people.access(callerId);
        Event before = events.findByIdForUpdate(id).orElseThrow(() -> new NotFoundException("event", id));
        EventAccess.requireManager(reach(before, who, lang).level(), id, "edit it");
        RegionalSection host = RegionalSection.valueOf(request.regionalSection());
        if (host != before.regionalSection() && !who.isAdmin() && !who.coordinates(host)) {
            throw new ForbiddenException("you do not coordinate " + host + ", so you cannot move an event there");
        }
        Event.Fields fields = fields(request, cohortOf(request.cohortId()));
        Instant now = clock.instant();
        Event after = events.update(before.edit(fields, now));
        queries.replaceOrganisers(id, request.organisers(), callerId, now);
        if (after.hasMoreRoomThan(before)) {
            // the waitlist keeper fills the new seats in this same transaction, under this lock
            capacityEvents.publishEvent(new EventCapacityGrew(id));
        }
        return view(events.findById(id).orElseThrow(), lang, true);
    }

    @Transactional
    EventResponse publish(UUID id, UUID callerId, String lang) {
        Event e = lockManaged(id, callerId, lang, "publish it");
        return view(events.update(e.publish(clock.instant())), lang, true);
    }

    /** Cancels the event; every live registration becomes EVENT_CANCELLED (the rows stay). */
    @Transactional
    EventResponse cancel(UUID id, UUID callerId, String lang) {
        Event e = lockManaged(id, callerId, lang, "cancel it");
        events.update(e.cancel(clock.instant()));
        cancelEvents.publishEvent(new EventCancelled(id));
        return view(events.findById(id).orElseThrow(), lang, true);
    }

    @Transactional(readOnly = true)
    EventResponse get(UUID id, @Nullable UUID callerId, String lang) {
        return visible(id, callerId == null ? null : people.access(callerId), lang).event();
    }

    @Transactional(readOnly = true)
    PageResponse<EventResponse> search(EventQueries.Filter filter, @Nullable UUID callerId, String lang, int page, int size) {
        UserAccess who = callerId == null ? null : people.access(callerId);
        EventQueries.Viewer viewer = who == null ? EventQueries.Viewer.ANONYMOUS
                : new EventQueries.Viewer(who.isAdmin(), List.copyOf(who.coordinatedSections()), cohorts.ledBy(who.userId()),
                who.userId());
        EventQueries.Page found = queries.search(filter, viewer, clock.instant(), page, size);
        var organisers = queries.organisers(found.items().stream().map(Event::id).toList());
        List<EventResponse> items = found.items().stream().map(e -> {
            List<UUID> named = organisers.getOrDefault(e.id(), List.of());
            CohortResponse cohort = e.cohortId() == null ? null : cohorts.cohort(e.cohortId());
            boolean manages = EventAccess.Level.MANAGE == access.level(who, EventResponse.of(e, named, lang, false), cohort);
            return EventResponse.of(e, named, lang, manages);
        }).toList();
        return new PageResponse<>(items, page, size, found.total());
    }

    /** The published and cancelled events of a regional section, from {@code feedPastDays} ago on. */
    @Transactional(readOnly = true)
    public List<EventResponse> feed(RegionalSection section, String lang) {
        Instant since = clock.instant().minus(java.time.Duration.ofDays(properties.feedPastDays()));
        List<Event> found = queries.feed(section, since, 2000);
        var organisers = queries.organisers(found.stream().map(Event::id).toList());
        return found.stream().map(e -> EventResponse.of(e, organisers.getOrDefault(e.id(), List.of()), lang, false)).toList();
    }

    private Event lockManaged(UUID id, UUID callerId, String lang, String what) {
        Event e = events.findByIdForUpdate(id).orElseThrow(() -> new NotFoundException("event", id));
        EventAccess.requireManager(reach(e, people.access(callerId), lang).level(), id, what);
        return e;
    }

    private Event find(UUID id) {
        return events.findById(id).orElseThrow(() -> new NotFoundException("event", id));
    }

    private Reached reach(Event e, @Nullable UserAccess who, String lang) {
        List<UUID> organisers = queries.organisers(List.of(e.id())).getOrDefault(e.id(), List.of());
        CohortResponse cohort = e.cohortId() == null ? null : cohorts.cohort(e.cohortId());
        EventAccess.Level level = access.level(who, EventResponse.of(e, organisers, lang, false), cohort);
        return new Reached(EventResponse.of(e, organisers, lang, level == EventAccess.Level.MANAGE), cohort, level);
    }

    private EventResponse view(Event e, String lang, boolean managed) {
        return EventResponse.of(e, queries.organisers(List.of(e.id())).getOrDefault(e.id(), List.of()), lang, managed);
    }

    private @Nullable CohortResponse cohortOf(@Nullable UUID cohortId) {
        if (cohortId == null) {
            return null;
        }
        try {
            return cohorts.cohort(cohortId);
        } catch (NotFoundException e) {
            throw new ValidationException("cohortId", "no cohort with this id");
        }
    }

    /** Checks the request against the catalogue, the cohort and the accounts it names; the fields to store. */
    private Event.Fields fields(EventRequest r, @Nullable CohortResponse cohort) {
        List<FieldError> errors = new ArrayList<>();
        EventInput.Checked checked = input.check(r, cohort, errors);
        List<UUID> organisers = r.organisers();
        if (!organisers.isEmpty()) {
            Set<UUID> known = people.users(organisers).stream().map(UserResponse::id).collect(Collectors.toSet());
            for (int i = 0; i < organisers.size(); i++) {
                if (!known.contains(organisers.get(i))) {
                    errors.add(new FieldError("organiserIds[" + i + "]", "no account with this id"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return checked.fields();
    }
}
