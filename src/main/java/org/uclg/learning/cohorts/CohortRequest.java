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
 * {@code trainerIds} is none. A wrong enum value is a 400 naming its field (the problem handler
 * names the JSON field that failed to bind); dates arrive as strings checked by pattern.
 */
@Serdeable
record CohortRequest(@NotBlank @Size(max = 16) String moduleCode,
                     @NotNull CohortKind kind,
                     @NotNull @Pattern(regexp = Languages.PATTERN, message = Languages.PATTERN_MESSAGE) String language,
                     @Nullable @Size(max = 300) @Pattern(regexp = "^[^\\x00-\\x1F\\x7F]*$", message = "must not contain control characters") String title,
                     @NotNull @Pattern(regexp = DATE, message = "must be a date YYYY-MM-DD") String startsOn,
                     @NotNull @Pattern(regexp = DATE, message = "must be a date YYYY-MM-DD") String endsOn,
                     @Nullable @Positive @Max(100_000) Integer capacity,
                     @NotNull EnrollmentPolicy enrollmentPolicy,
                     @NotNull RegionalSection regionalSection,
                     @Nullable @Size(max = 20) List<@NotNull UUID> trainerIds) {

    static final String DATE = "^\\d{4}-\\d{2}-\\d{2}$";

    List<UUID> trainers() {
        return trainerIds == null ? List.of() : trainerIds.stream().distinct().toList();
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
