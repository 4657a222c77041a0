package org.uclg.learning.certificates;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.UUID;

/** Attendance certificates (EVENT_ATTENDANCE): queued where attendance is recorded, issued by the worker like every other. */
@Singleton
public class EventCertificates {
    private final CertificateStore store;
    private final ApplicationEventPublisher<CertificateQueued> queued;
    private final Clock clock;

    EventCertificates(CertificateStore store, ApplicationEventPublisher<CertificateQueued> queued, Clock clock) {
        this.store = store;
        this.queued = queued;
        this.clock = clock;
    }

    /**
     * Queues the attendance certificate of a person at an event, inside the transaction that records
     * the attendance (no attendance without its job); a pending job for the same pair is not doubled.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void queueAttendance(UUID eventId, UUID userId, @Nullable UUID requestedBy) {
        store.enqueueAttendance(eventId, userId, requestedBy, clock.instant());
        queued.publishEvent(new CertificateQueued());
    }
}
