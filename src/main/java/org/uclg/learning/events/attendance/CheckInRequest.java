package org.uclg.learning.events.attendance;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The check-in code the organiser shows during the event. */
@Serdeable
record CheckInRequest(@NotBlank @Size(max = 20) String code) {
}
