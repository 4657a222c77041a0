package org.uclg.learning.events;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An event's title and description in one more language. */
@Serdeable
public record EventText(@NotBlank @Size(max = 300) @Pattern(regexp = EventRequest.LINE, message = EventRequest.LINE_MESSAGE) String title,
                        @Nullable @Size(max = 5000) @Pattern(regexp = EventRequest.TEXT, message = EventRequest.TEXT_MESSAGE) String description) {
}
