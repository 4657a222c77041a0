package org.uclg.learning.certificates;

import io.micronaut.core.annotation.Nullable;
import org.uclg.learning.people.RegionalSection;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What an attendance certificate prints about its event, asked of whoever keeps events when the
 * job is issued (the events feature implements this; certificates does not depend on it).
 */
public interface AttendedEvents {

    /** The event as attended by this person; empty when there is no such event or their attendance no longer stands. */
    Optional<AttendedEvent> attended(UUID eventId, UUID userId);

    /**
     * {@code titles} per language (en/es/fr), {@code language} the event's own; {@code date} the day it
     * started in its time zone; {@code format} ONLINE, IN_PERSON or HYBRID with {@code venue} "name,
     * city, country" where there is one.
     */
    record AttendedEvent(UUID eventId, Map<String, String> titles, String language, LocalDate date, int minutes,
                         String format, @Nullable String venue, RegionalSection host, @Nullable UUID cohortId) {
    }
}
