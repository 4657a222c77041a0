package org.uclg.learning.events.attendance;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.uclg.learning.certificates.AttendedEvents;
import org.uclg.learning.certificates.EventCertificates;
import org.uclg.learning.events.EventResponse;
import org.uclg.learning.events.EventsApi;
import org.uclg.learning.shared.NotFoundException;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Attendance certificates: queued through the certificates feature's own queue when attendance is
 * recorded at an event that grants them, and described to the certificate worker ({@link AttendedEvents})
 * when it issues them, so certificates never depends on events.
 */
@Singleton
class AttendanceCertificates implements AttendedEvents {
    private final EventCertificates certificates;
    private final EventsApi events;
    private final AttendanceStore store;

    AttendanceCertificates(EventCertificates certificates, EventsApi events, AttendanceStore store) {
        this.certificates = certificates;
        this.events = events;
        this.store = store;
    }

    /** In the recording transaction: no attendance without its certificate job. */
    void attended(EventResponse event, UUID userId, UUID recordedBy) {
        certificates.queueAttendance(event.id(), userId, recordedBy);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<AttendedEvent> attended(UUID eventId, UUID userId) {
        EventResponse e;
        try {
            e = events.withCheckInCode(eventId);
        } catch (NotFoundException missing) {
            return Optional.empty();
        }
        if (!e.grantsCertificate() || store.standing(eventId, List.of(userId)).isEmpty()) {
            return Optional.empty();
        }
        String venue = e.venue() == null ? null : e.venue().name() + ", " + e.venue().city() + ", "
                + new Locale("", e.venue().country()).getDisplayCountry(Locale.forLanguageTag(e.language()));
        return Optional.of(new AttendedEvent(e.id(), e.titles(), e.language(),
                e.startsAt().atZone(ZoneId.of(e.timezone())).toLocalDate(), (int) Duration.between(e.startsAt(), e.endsAt()).toMinutes(),
                e.format().name(), venue, e.regionalSection(), e.cohortId()));
    }
}
