package org.uclg.learning.events;

import java.util.UUID;

/**
 * Published inside the editing transaction (which holds the event's lock) when an event gets more
 * room, so that its waitlist moves up in the same transaction.
 */
public record EventCapacityGrew(UUID eventId) {
}
