package org.uclg.learning.events;

import io.swagger.v3.oas.annotations.media.Schema;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.uclg.learning.people.RegionalSection;
import org.uclg.learning.shared.SeatLock;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An event as the API shows it. {@code title} and {@code description} are in {@code textLanguage}:
 * the negotiated language when the event has a text in it, else the event's own language.
 * {@code startsAt}/{@code endsAt} are UTC instants, {@code localStartsAt}/{@code localEndsAt} the same
 * instants in the event's {@code timezone}. {@code checkInCode} is shown only to its organisers
 * ({@code managed}).
 */
@Serdeable
public record EventResponse(UUID id,
                            EventKind kind,
                            EventFormat format,
                            EventStatus status,
                            String language,
                            String title,
                            @Nullable String description,
                            String textLanguage,
                            Map<String, String> titles,
                            Map<String, String> descriptions,
                            Instant startsAt,
                            Instant endsAt,
                            String timezone,
                            String localStartsAt,
                            String localEndsAt,
                            @Nullable Integer capacity,
                            int seatsTaken,
                            @Nullable Integer seatsLeft,
                            @Nullable Instant registrationDeadline,
                            @Nullable String joinUrl,
                            @Nullable @Schema(type = "object") Venue venue,
                            RegionalSection regionalSection,
                            @Nullable String moduleCode,
                            @Nullable String sectionKey,
                            @Nullable UUID cohortId,
                            boolean grantsCertificate,
                            List<UUID> organiserIds,
                            int sequence,
                            boolean managed,
                            @Nullable String checkInCode,
                            Instant createdAt,
                            Instant updatedAt) {

    static EventResponse of(Event e, List<UUID> organiserIds, String lang, boolean managed) {
        Map<String, String> titles = e.titles();
        String textLanguage = titles.containsKey(lang) ? lang
                : titles.containsKey(e.language()) ? e.language() : titles.keySet().iterator().next();
        ZoneId zone = ZoneId.of(e.timezone());
        Venue venue = e.venueName() == null ? null : new Venue(e.venueName(), e.venueCity(), e.venueCountry());
        return new EventResponse(e.id(), e.kind(), e.format(), e.status(), e.language(), titles.get(textLanguage),
                e.descriptions().get(textLanguage), textLanguage, titles, e.descriptions(), e.startsAt(), e.endsAt(),
                e.timezone(), local(e.startsAt(), zone), local(e.endsAt(), zone), e.capacity(), e.seatsTaken(),
                SeatLock.left(e.capacity(), e.seatsTaken()), e.registrationDeadline(), e.joinUrl(), venue,
                e.regionalSection(), e.moduleCode(), e.sectionKey(), e.cohortId(), e.grantsCertificate(),
                List.copyOf(organiserIds), e.sequence(), managed, managed ? e.checkInCode() : null, e.createdAt(),
                e.updatedAt());
    }

    /** The title in a language, else in the event's own language. */
    public String title(String lang) {
        return titles.getOrDefault(lang, titles.getOrDefault(language, title));
    }

    /** When registration closes: the deadline, else the end of the event. */
    public Instant registrationClosesAt() {
        return registrationDeadline == null ? endsAt : registrationDeadline;
    }

    /** A LIVE_SESSION of a cohort: attending it completes its section in the learner's enrollment. */
    public boolean completesCohortSection() {
        return kind == EventKind.LIVE_SESSION && cohortId != null && sectionKey != null;
    }

    private static String local(Instant at, ZoneId zone) {
        return at.atZone(zone).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
