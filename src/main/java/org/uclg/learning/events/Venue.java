package org.uclg.learning.events;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.uclg.learning.shared.IsoCountry;

/** Where an IN_PERSON or HYBRID event happens. */
@Serdeable
public record Venue(@NotBlank @Size(max = 300) @Pattern(regexp = EventRequest.LINE, message = EventRequest.LINE_MESSAGE) String name,
                    @NotBlank @Size(max = 200) @Pattern(regexp = EventRequest.LINE, message = EventRequest.LINE_MESSAGE) String city,
                    @NotBlank @IsoCountry String country) {
}
