package org.uclg.learning.events;

import java.util.UUID;

/** Published inside the cancelling transaction (which holds the event's lock): every registration learns of it. */
public record EventCancelled(UUID eventId) {
}
