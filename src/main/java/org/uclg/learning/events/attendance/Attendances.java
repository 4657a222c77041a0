package org.uclg.learning.events.attendance;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.uclg.learning.enrollment.EnrollmentApi;
import org.uclg.learning.enrollment.EnrollmentStatus;
import org.uclg.learning.events.CheckInCode;
import org.uclg.learning.events.EventResponse;
import org.uclg.learning.events.EventStatus;
import org.uclg.learning.events.EventsApi;
import org.uclg.learning.events.registration.RegistrationResponse;
import org.uclg.learning.events.registration.RegistrationStatus;
import org.uclg.learning.events.registration.Registrations;
import org.uclg.learning.people.PeopleApi;
import org.uclg.learning.people.UserAccess;
import org.uclg.learning.people.UserResponse;
import org.uclg.learning.progress.ProgressApi;
import org.uclg.learning.progress.ProgressResponse;
import org.uclg.learning.shared.ConflictException;
import org.uclg.learning.shared.NotFoundException;
import org.uclg.learning.shared.PageResponse;
import org.uclg.learning.shared.Paging;
import org.uclg.learning.shared.ProblemException.FieldError;
import org.uclg.learning.shared.ValidationException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Attendance: organisers record it for one or many people (or from CSV, {@link AttendanceImport}),
 * registrants check in with the event's code inside its window, organisers remove a record (kept,
 * with who and when). Recording attendance of a cohort's LIVE_SESSION completes its section through
 * the progress API; at an event that grants certificates it queues the attendance certificate.
 */
@Singleton
class Attendances {
    private final AttendanceStore store;
    private final EventsApi events;
    private final Registrations registrations;
    private final EnrollmentApi enrollments;
    private final ProgressApi progress;
    private final AttendanceCertificates certificates;
    private final PeopleApi people;

    Attendances(AttendanceStore store, EventsApi events, Registrations registrations, EnrollmentApi enrollments,
                ProgressApi progress, AttendanceCertificates certificates, PeopleApi people) {
        this.store = store;
        this.events = events;
        this.registrations = registrations;
        this.enrollments = enrollments;
        this.progress = progress;
        this.certificates = certificates;
        this.people = people;
    }

    /** Organisers mark one person or many; every id is checked before anything is written. */
    @Transactional
    AttendanceReport mark(UUID eventId, AttendanceRequest request, UUID callerId) {
        boolean one = request.userId() != null;
        boolean many = request.userIds() != null && !request.userIds().isEmpty();
        if (one == many) {
            throw new ValidationException(one ? "userIds" : "userId", "give either userId or a non-empty userIds");
        }
        List<UUID> ids = one ? List.of(request.userId()) : request.userIds().stream().distinct().toList();
        EventResponse event = organised(eventId, callerId, "record its attendance");
        requireRecordable(event, events.now());
        List<FieldError> errors = new ArrayList<>();
        Set<UUID> known = people.users(ids).stream().map(UserResponse::id).collect(Collectors.toSet());
        for (int i = 0; i < ids.size(); i++) {
            String field = one ? "userId" : "userIds[" + request.userIds().indexOf(ids.get(i)) + "]";
            if (!known.contains(ids.get(i))) {
                errors.add(new FieldError(field, "no account with this id"));
            } else if (!eligible(event, ids.get(i))) {
                errors.add(new FieldError(field, "is not an enrolled learner of the event's cohort"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return AttendanceReport.of(eventId, recordAll(event, ids, AttendanceSource.MANUAL, callerId));
    }

    /**
     * A registrant marks their own attendance with the code shown during the event, from
     * {@code checkInMargin} before its start to {@code checkInMargin} after its end.
     */
    @Transactional
    AttendanceResult checkIn(UUID eventId, String code, UUID callerId) {
        EventsApi.Reached reached = events.visible(eventId, people.access(callerId), "en");
        EventResponse event = events.withCheckInCode(eventId);
        if (event.status() != EventStatus.PUBLISHED) {
            throw new ConflictException("event-not-open", "check-in is open only at PUBLISHED events; this one is " + event.status(), "status");
        }
        Instant now = events.now();
        var margin = events.properties().checkInMargin();
        if (now.isBefore(event.startsAt().minus(margin)) || now.isAfter(event.endsAt().plus(margin))) {
            throw new ConflictException("check-in-closed", "check-in is open from " + event.startsAt().minus(margin)
                    + " to " + event.endsAt().plus(margin), "code");
        }
        Optional<RegistrationResponse> registration = registrations.live(eventId, callerId);
        if (registration.isEmpty() || registration.get().status() != RegistrationStatus.REGISTERED) {
            throw new ConflictException("not-registered", registration.isPresent()
                    ? "you are on the waitlist; only registered people check in" : "only registered people check in", "code");
        }
        if (!CheckInCode.matches(event.checkInCode(), code)) {
            throw new ValidationException("code", "is not this event's check-in code");
        }
        if (!eligible(reached.event(), callerId)) {
            throw new ConflictException("not-enrolled", "this event is for the enrolled learners of its cohort", "code");
        }
        return recordAll(event, List.of(callerId), AttendanceSource.CHECK_IN, callerId).get(0);
    }

    /** Removes a person's standing record (a correction): kept with who removed it and when. */
    @Transactional
    AttendanceResponse remove(UUID eventId, UUID userId, UUID callerId) {
        organised(eventId, callerId, "correct its attendance");
        return store.remove(eventId, userId, callerId, events.now())
                .orElseThrow(() -> new NotFoundException("attendance of user", userId));
    }

    @Transactional(readOnly = true)
    PageResponse<AttendanceResponse> list(UUID eventId, boolean withRemoved, int page, int size, UUID callerId) {
        Paging.require(page, size);
        organised(eventId, callerId, "see its attendance");
        List<AttendanceResponse> rows = store.page(eventId, withRemoved, page, size);
        Map<UUID, String> names = people.users(rows.stream().map(AttendanceResponse::userId).distinct().toList()).stream()
                .collect(Collectors.toMap(UserResponse::id, UserResponse::fullName));
        List<AttendanceResponse> items = rows.stream().map(a -> new AttendanceResponse(a.id(), a.eventId(), a.userId(),
                names.get(a.userId()), a.source(), a.recordedBy(), a.recordedAt(), a.removedBy(), a.removedAt())).toList();
        return new PageResponse<>(items, page, size, store.count(eventId, withRemoved));
    }

    EventResponse organised(UUID eventId, UUID callerId, String what) {
        return events.managed(eventId, people.access(callerId), "en", what).event();
    }

    /** Attendance is recorded at published events, from the check-in margin before the start on. */
    void requireRecordable(EventResponse event, Instant now) {
        if (event.status() != EventStatus.PUBLISHED) {
            throw new ConflictException("event-not-open", "attendance is recorded only at PUBLISHED events; this one is "
                    + event.status(), "status");
        }
        if (now.isBefore(event.startsAt().minus(events.properties().checkInMargin()))) {
            throw new ConflictException("event-not-started", "attendance is recorded once the event starts, at "
                    + event.startsAt(), "startsAt");
        }
    }

    /** At an event of a cohort only the cohort's seated learners attend; anyone at other events. */
    boolean eligible(EventResponse event, UUID userId) {
        return event.cohortId() == null || enrollments.seatedPlace(event.cohortId(), userId, UserAccess.SYSTEM).isPresent();
    }

    Set<UUID> standing(UUID eventId, List<UUID> userIds) {
        return store.standing(eventId, userIds);
    }

    /** Records each person once; what follows from attending (live-session progress, certificate) follows here. */
    List<AttendanceResult> recordAll(EventResponse event, List<UUID> userIds, AttendanceSource source, UUID recordedBy) {
        Instant now = events.now();
        List<AttendanceResult> results = new ArrayList<>(userIds.size());
        for (UUID userId : userIds) {
            Optional<AttendanceResponse> recorded = store.record(event.id(), userId, source, recordedBy, now);
            if (recorded.isEmpty()) {
                results.add(new AttendanceResult(userId, AttendanceResult.ALREADY_RECORDED, null, null, null));
                continue;
            }
            Boolean completed = null;
            EnrollmentStatus status = null;
            if (event.completesCohortSection()) {
                Optional<ProgressResponse> p = progress.liveSessionAttended(event.cohortId(), userId, event.sectionKey(), recordedBy);
                completed = p.isPresent();
                status = p.map(ProgressResponse::status).orElse(null);
            }
            if (event.grantsCertificate()) {
                certificates.attended(event, userId, recordedBy);
            }
            results.add(new AttendanceResult(userId, AttendanceResult.RECORDED, recorded.get().id(), completed, status));
        }
        return results;
    }
}
