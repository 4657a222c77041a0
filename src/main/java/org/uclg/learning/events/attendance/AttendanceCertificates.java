package org.uclg.learning.events.attendance;

import jakarta.inject.Singleton;
import org.uclg.learning.events.EventResponse;

import java.util.UUID;

/** Queues the attendance certificate of an event that grants them, in the recording transaction. */
@Singleton
class AttendanceCertificates {

    void attended(EventResponse event, UUID userId, UUID recordedBy) {
        // queued through the certificates feature's own queue (see CertificatesApi)
    }
}
