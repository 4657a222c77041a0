package org.uclg.learning.people.auth;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code username} is the email, as OAuth 2.0 password clients send it. */
@Serdeable
record LoginRequest(@NotBlank @Size(max = 320) String username, @NotBlank @Size(max = 128) String password) {
}
