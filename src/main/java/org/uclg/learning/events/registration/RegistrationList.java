package org.uclg.learning.events.registration;

import org.uclg.learning.shared.EnumParameters;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.uclg.learning.events.EventResponse;
import org.uclg.learning.events.EventsApi;
import org.uclg.learning.people.PeopleApi;
import org.uclg.learning.people.UserResponse;
import org.uclg.learning.shared.PageResponse;
import org.uclg.learning.shared.Paging;
import org.uclg.learning.shared.ProblemException.FieldError;
import org.uclg.learning.shared.ValidationException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The registrations of an event for its organisers (oldest first, with names, emails and attendance), and the caller's own. */
@Singleton
class RegistrationList {
    private final RegistrationRepository registrations;
    private final EventsApi events;
    private final PeopleApi people;

    RegistrationList(RegistrationRepository registrations, EventsApi events, PeopleApi people) {
        this.registrations = registrations;
        this.events = events;
        this.people = people;
    }

    /** The event, if the caller organises it (404/403 otherwise); checked before a CSV starts streaming. */
    @Transactional(readOnly = true)
    EventResponse requireOrganiser(UUID eventId, UUID callerId) {
        return events.managed(eventId, people.access(callerId), "en", "see its registrations").event();
    }

    static @Nullable RegistrationStatus status(@Nullable String value, int page, int size) {
        List<FieldError> errors = new ArrayList<>();
        RegistrationStatus status = EnumParameters.parse(RegistrationStatus.class, value, "status", errors);
        Paging.check(page, size, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return status;
    }

    @Transactional(readOnly = true)
    PageResponse<RegistrationResponse> page(UUID eventId, UUID callerId, @Nullable RegistrationStatus status, int page, int size) {
        requireOrganiser(eventId, callerId);
        return pageOf(eventId, status, page, size);
    }

    /** One page without the access check: the CSV export checks once, then reads page by page. */
    @Transactional(readOnly = true)
    PageResponse<RegistrationResponse> pageOf(UUID eventId, @Nullable RegistrationStatus status, int page, int size) {
        Pageable pageable = Pageable.from(page, size, Sort.of(Sort.Order.asc("createdAt"), Sort.Order.asc("id")));
        Page<Registration> found = status == null ? registrations.findByEventId(eventId, pageable)
                : registrations.findByEventIdAndStatus(eventId, status, pageable);
        List<UUID> userIds = found.getContent().stream().map(Registration::userId).distinct().toList();
        Map<UUID, UserResponse> users = people.users(userIds).stream()
                .collect(Collectors.toMap(UserResponse::id, Function.identity()));
        Set<UUID> attended = userIds.isEmpty() ? Set.of() : new HashSet<>(registrations.findAttended(eventId, userIds));
        List<RegistrationResponse> items = found.getContent().stream().map(r -> {
            UserResponse u = users.get(r.userId());
            return RegistrationResponse.of(r).withPerson(u == null ? null : u.fullName(), u == null ? null : u.email(),
                    attended.contains(r.userId()));
        }).toList();
        return new PageResponse<>(items, page, size, found.getTotalSize());
    }

    /** The caller's own registrations, newest first. */
    @Transactional(readOnly = true)
    PageResponse<RegistrationResponse> mine(UUID callerId, int page, int size) {
        Paging.require(page, size);
        Page<Registration> found = registrations.findByUserId(callerId,
                Pageable.from(page, size, Sort.of(Sort.Order.desc("createdAt"), Sort.Order.asc("id"))));
        return new PageResponse<>(found.getContent().stream().map(RegistrationResponse::of).toList(), page, size,
                found.getTotalSize());
    }
}
