package org.uclg.learning.people.auth;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.uclg.learning.people.RegisterRequest;

/** The claim token an importer passed on, and the password the owner chooses (the rules of registration). */
@Serdeable
record ClaimRequest(@NotBlank @Size(max = 200) String token,
                    @NotBlank @Size(min = RegisterRequest.PASSWORD_MIN, max = RegisterRequest.PASSWORD_MAX) String password) {
}
