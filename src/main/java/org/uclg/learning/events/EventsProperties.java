package org.uclg.learning.events;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * {@code checkInMargin}: how long before the start and after the end of an event a registrant may
 * still check in with the event's code. {@code feedPastDays}: how far back a regional section's
 * calendar feed reaches.
 */
@ConfigurationProperties("learning.events")
public record EventsProperties(@Bindable(defaultValue = "30m") Duration checkInMargin,
                               @Bindable(defaultValue = "90") int feedPastDays) {
}
