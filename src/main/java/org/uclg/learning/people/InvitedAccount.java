package org.uclg.learning.people;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.uclg.learning.shared.IsoCountry;
import org.uclg.learning.shared.Languages;

/**
 * An account created for someone else (a bulk import): no password until its owner claims it with
 * the one-time token the import hands the importer ({@link Invitation}). It carries the
 * constraints of registration ({@link AccountRules}), so an importer validates it with the same
 * validator: the two accept and refuse the same person alike (an
 * organization may be left out here).
 */
@Introspected
public record InvitedAccount(@NotBlank @Email @Size(max = AccountRules.EMAIL_MAX) @FitsNormalized(max = AccountRules.EMAIL_MAX) String email,
                             @NotBlank @Size(max = AccountRules.NAME_MAX) @FitsNormalized(max = AccountRules.NAME_MAX)
                             @Pattern(regexp = AccountRules.NO_CONTROL, message = AccountRules.NO_CONTROL_MESSAGE) String fullName,
                             @NotNull @Pattern(regexp = Languages.PATTERN, message = Languages.PATTERN_MESSAGE) String preferredLanguage,
                             @NotNull @IsoCountry String country,
                             @NotNull RegionalSection regionalSection,
                             @Nullable @Size(max = AccountRules.ORGANIZATION_MAX)
                             @Pattern(regexp = AccountRules.NO_CONTROL, message = AccountRules.NO_CONTROL_MESSAGE) String organization) {
}
