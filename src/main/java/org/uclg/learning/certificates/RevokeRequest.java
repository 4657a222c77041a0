package org.uclg.learning.certificates;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Serdeable
record RevokeRequest(@NotBlank @Size(max = 500) String reason) {
}
