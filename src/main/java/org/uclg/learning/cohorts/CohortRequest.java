package org.uclg.learning.cohorts;

import org.uclg.learning.shared.Languages;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.uclg.learning.people.RegionalSection;
import org.uclg.learning.shared.ValidationException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * Create (POST) or replace (PUT) a cohort. {@code capacity} null is unlimited; a missing
 * {@code trainerIds} is none. Enums and dates arrive as strings checked by pattern, so a wrong
 * value is a 400 naming its field rather than an anonymous decoding error.
 */
@Serdeable
record CohortRequest(@NotBlank @Size(max = 16) String moduleCode,
                     @NotNull @Pattern(regexp = KINDS, message = "must be one of SELF_PACED, FACILITATED, TOT, WORKSHOP") String kind,
                     @NotNull @Pattern(regexp = Languages.PATTERN, message = Languages.PATTERN_MESSAGE) String language,
                     @Nullable @Size(max = 300) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters") String title,
                     @NotNull @Pattern(regexp = DATE, message = "must be a date YYYY-MM-DD") String startsOn,
                     @NotNull @Pattern(regexp = DATE, message = "must be a date YYYY-MM-DD") String endsOn,
                     @Nullable @Positive @Max(100_000) Integer capacity,
                     @NotNull @Pattern(regexp = "OPEN|APPLICATION", message = "must be OPEN or APPLICATION") String enrollmentPolicy,
                     @NotNull @Pattern(regexp = SECTIONS, message = "must be a regional section code, e.g. AFRICA") String regionalSection,
                     @Nullable @Size(max = 20) List<@NotNull UUID> trainerIds) {

    static final String KINDS = "SELF_PACED|FACILITATED|TOT|WORKSHOP";
    static final String SECTIONS = "AFRICA|ASPAC|EURASIA|EUROPE|LATAM|MEWA|NORAM|METROPOLIS|REGIONS|WORLD";
    static final String DATE = "\\d{4}-\\d{2}-\\d{2}";

    List<UUID> trainers() {
        return trainerIds == null ? List.of() : trainerIds.stream().distinct().toList();
    }

    CohortKind cohortKind() {
        return CohortKind.valueOf(kind);
    }

    EnrollmentPolicy policy() {
        return EnrollmentPolicy.valueOf(enrollmentPolicy);
    }

    RegionalSection section() {
        return RegionalSection.valueOf(regionalSection);
    }

    LocalDate startDate() {
        return date(startsOn, "startsOn");
    }

    LocalDate endDate() {
        return date(endsOn, "endsOn");
    }

    private static LocalDate date(String value, String field) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new ValidationException(field, "is not a calendar date");
        }
    }
}
