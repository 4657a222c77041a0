package org.uclg.learning.events.registration;

/**
 * REGISTERED (holds a seat) and WAITLISTED are live; WAITLISTED → REGISTERED when a seat frees;
 * either → CANCELLED (by the person or an organiser) or EVENT_CANCELLED (the event was cancelled).
 */
public enum RegistrationStatus {
    REGISTERED, WAITLISTED, CANCELLED, EVENT_CANCELLED;

    public boolean isLive() {
        return this == REGISTERED || this == WAITLISTED;
    }
}
