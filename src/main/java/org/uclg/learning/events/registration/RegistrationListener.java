package org.uclg.learning.events.registration;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.uclg.learning.events.EventCancelled;
import org.uclg.learning.events.EventCapacityGrew;

/** What an event's edits mean for its registrations, in the editing transaction (which holds the event's lock). */
@Singleton
class RegistrationListener {
    private final Registrations registrations;

    RegistrationListener(Registrations registrations) {
        this.registrations = registrations;
    }

    @EventListener
    void onCapacityGrew(EventCapacityGrew event) {
        registrations.fillWaitlist(event.eventId());
    }

    @EventListener
    void onCancelled(EventCancelled event) {
        registrations.eventCancelled(event.eventId());
    }
}
