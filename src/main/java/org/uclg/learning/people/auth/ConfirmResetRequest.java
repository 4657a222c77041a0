package org.uclg.learning.people.auth;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.uclg.learning.people.RegisterRequest;

/** The one-time token the reset mail carried, and the new password (the rules of registration). */
@Serdeable
record ConfirmResetRequest(@NotBlank @Size(max = 200) String token,
                           @NotBlank @Size(min = RegisterRequest.PASSWORD_MIN, max = RegisterRequest.PASSWORD_MAX) String password) {
}
