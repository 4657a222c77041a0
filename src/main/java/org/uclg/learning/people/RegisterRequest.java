package org.uclg.learning.people;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.uclg.learning.shared.IsoCountry;
import org.uclg.learning.shared.Languages;

@Serdeable
public record RegisterRequest(@NotBlank @Email @Size(max = AccountRules.EMAIL_MAX) @FitsNormalized(max = AccountRules.EMAIL_MAX) String email,
                       @NotBlank @Size(min = PASSWORD_MIN, max = PASSWORD_MAX) String password,
                       @NotBlank @Size(max = AccountRules.NAME_MAX) @FitsNormalized(max = AccountRules.NAME_MAX) @Pattern(regexp = AccountRules.NO_CONTROL, message = AccountRules.NO_CONTROL_MESSAGE) String fullName,
                       @NotNull @Pattern(regexp = Languages.PATTERN, message = Languages.PATTERN_MESSAGE) String preferredLanguage,
                       @NotNull @IsoCountry String country,
                       @NotNull RegionalSection regionalSection,
                       @NotBlank @Size(max = AccountRules.ORGANIZATION_MAX) @Pattern(regexp = AccountRules.NO_CONTROL, message = AccountRules.NO_CONTROL_MESSAGE) String organization,
                       @NotNull OrganizationType organizationType,
                       @Nullable @Size(max = 100) String gender) {
    /** The password rules of every way a password is set: registration, a change, a claim. */
    public static final int PASSWORD_MIN = 10;
    public static final int PASSWORD_MAX = 128;
}
