package org.uclg.learning.people.auth;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.uclg.learning.people.RegisterRequest;

/** The new password follows the rules of registration. */
@Serdeable
record ChangePasswordRequest(@NotBlank @Size(max = RegisterRequest.PASSWORD_MAX) String currentPassword,
                             @NotBlank @Size(min = RegisterRequest.PASSWORD_MIN, max = RegisterRequest.PASSWORD_MAX) String newPassword) {
}
