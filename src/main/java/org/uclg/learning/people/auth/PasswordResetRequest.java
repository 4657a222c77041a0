package org.uclg.learning.people.auth;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The address of the account whose password is forgotten. */
@Serdeable
record PasswordResetRequest(@NotBlank @Email @Size(max = 320) String email) {
}
