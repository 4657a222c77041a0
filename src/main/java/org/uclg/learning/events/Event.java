package org.uclg.learning.events;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import org.uclg.learning.people.RegionalSection;
import org.uclg.learning.shared.ConflictException;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A peer-learning event. {@code seatsTaken} changes only under the event's row lock
 * ({@link EventsApi#lockSeats}); this type only reads it, and refuses a capacity below it. Every
 * change a calendar client must see raises {@code sequence}.
 */
@MappedEntity("events")
record Event(@Id UUID id,
             EventKind kind,
             EventFormat format,
             EventStatus status,
             String language,
             @Nullable String titleEn,
             @Nullable String titleEs,
             @Nullable String titleFr,
             @Nullable String descriptionEn,
             @Nullable String descriptionEs,
             @Nullable String descriptionFr,
             Instant startsAt,
             Instant endsAt,
             String timezone,
             @Nullable Integer capacity,
             int seatsTaken,
             @Nullable Instant registrationDeadline,
             @Nullable String joinUrl,
             @Nullable String venueName,
             @Nullable String venueCity,
             @Nullable String venueCountry,
             RegionalSection regionalSection,
             @Nullable String moduleCode,
             @Nullable String sectionKey,
             @Nullable UUID cohortId,
             boolean grantsCertificate,
             String checkInCode,
             int sequence,
             @Nullable UUID createdBy,
             Instant createdAt,
             Instant updatedAt) {

    /** What a request sets; the rest (status, seats, code, sequence, audit) the event keeps itself. */
    record Fields(EventKind kind, EventFormat format, String language, Map<String, String> titles,
                  Map<String, String> descriptions, Instant startsAt, Instant endsAt, String timezone,
                  @Nullable Integer capacity, @Nullable Instant registrationDeadline, @Nullable String joinUrl,
                  @Nullable String venueName, @Nullable String venueCity, @Nullable String venueCountry,
                  RegionalSection regionalSection, @Nullable String moduleCode, @Nullable String sectionKey,
                  @Nullable UUID cohortId, boolean grantsCertificate) {
    }

    static Event create(Fields f, UUID createdBy, Instant now) {
        return of(UUID.randomUUID(), f, EventStatus.DRAFT, 0, CheckInCode.generate(), 0, createdBy, now, now);
    }

    /**
     * The edited event. The cohort is what registrations and attendance were checked against, so it
     * never changes; a capacity may not drop below the seats already taken.
     */
    Event edit(Fields f, Instant now) {
        if (status == EventStatus.CANCELLED) {
            throw new ConflictException("event-cancelled", "a cancelled event cannot be edited", "status");
        }
        if (!java.util.Objects.equals(cohortId, f.cohortId())) {
            throw new ConflictException("event-cohort-fixed", "the cohort of an event cannot change; create a new event", "cohortId");
        }
        if (f.capacity() != null && f.capacity() < seatsTaken) {
            throw new ConflictException("capacity-below-seats-taken",
                    "capacity " + f.capacity() + " is below the " + seatsTaken + " seats already taken", "capacity");
        }
        return of(id, f, status, seatsTaken, checkInCode, sequence + 1, createdBy, createdAt, now);
    }

    Event publish(Instant now) {
        if (status != EventStatus.DRAFT) {
            throw new ConflictException("invalid-transition", "only a DRAFT event can be published; this one is " + status, "status");
        }
        if (format.hasJoinUrl() && joinUrl == null) {
            throw new ConflictException("join-url-missing", "an " + format + " event is published with its joinUrl", "joinUrl");
        }
        return withStatus(EventStatus.PUBLISHED, now);
    }

    Event cancel(Instant now) {
        if (status == EventStatus.CANCELLED) {
            throw new ConflictException("invalid-transition", "the event is already cancelled", "status");
        }
        return withStatus(EventStatus.CANCELLED, now);
    }

    /** Whether a capacity change frees seats for the waitlist. */
    boolean hasMoreRoomThan(Event before) {
        if (capacity == null) {
            return before.capacity != null;
        }
        return before.capacity != null && capacity > before.capacity;
    }

    Map<String, String> titles() {
        return texts(titleEn, titleEs, titleFr);
    }

    Map<String, String> descriptions() {
        return texts(descriptionEn, descriptionEs, descriptionFr);
    }

    private Event withStatus(EventStatus next, Instant now) {
        return new Event(id, kind, format, next, language, titleEn, titleEs, titleFr, descriptionEn, descriptionEs,
                descriptionFr, startsAt, endsAt, timezone, capacity, seatsTaken, registrationDeadline, joinUrl, venueName,
                venueCity, venueCountry, regionalSection, moduleCode, sectionKey, cohortId, grantsCertificate, checkInCode,
                sequence + 1, createdBy, createdAt, now);
    }

    private static Event of(UUID id, Fields f, EventStatus status, int seatsTaken, String code, int sequence,
                            @Nullable UUID createdBy, Instant createdAt, Instant now) {
        return new Event(id, f.kind(), f.format(), status, f.language(), f.titles().get("en"), f.titles().get("es"),
                f.titles().get("fr"), f.descriptions().get("en"), f.descriptions().get("es"), f.descriptions().get("fr"),
                f.startsAt(), f.endsAt(), f.timezone(), f.capacity(), seatsTaken, f.registrationDeadline(), f.joinUrl(),
                f.venueName(), f.venueCity(), f.venueCountry(), f.regionalSection(), f.moduleCode(), f.sectionKey(),
                f.cohortId(), f.grantsCertificate(), code, sequence, createdBy, createdAt, now);
    }

    private static Map<String, String> texts(@Nullable String en, @Nullable String es, @Nullable String fr) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (en != null) {
            texts.put("en", en);
        }
        if (es != null) {
            texts.put("es", es);
        }
        if (fr != null) {
            texts.put("fr", fr);
        }
        return texts;
    }
}
