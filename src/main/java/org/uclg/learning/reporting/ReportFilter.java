package org.uclg.learning.reporting;

import org.uclg.learning.shared.PlausibleDates;
import io.micronaut.core.annotation.Nullable;
import org.uclg.learning.cohorts.CohortKind;
import org.uclg.learning.people.RegionalSection;
import org.uclg.learning.shared.Languages;
import org.uclg.learning.shared.ProblemException.FieldError;
import org.uclg.learning.shared.ValidationException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The query parameters every report shares. {@code from} and {@code to} are inclusive UTC days;
 * without them the report covers the 365 days up to today. Null means "any".
 */
public record ReportFilter(@Nullable RegionalSection regionalSection, LocalDate from, LocalDate to,
                           @Nullable String module, @Nullable CohortKind kind, @Nullable String language) {
    static final int MAX_DAYS = 366 * 10;

    /** Parses and validates the raw parameters; every problem is reported at once, by field. */
    public static ReportFilter parse(@Nullable String regionalSection, @Nullable String from, @Nullable String to,
                                     @Nullable String module, @Nullable String kind, @Nullable String language,
                                     LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        RegionalSection section = constant(RegionalSection.class, "regionalSection", regionalSection, "unknown regional section", errors);
        LocalDate toDay = date("to", to, errors);
        LocalDate fromDay = date("from", from, errors);
        if (toDay == null) {
            toDay = today;
        }
        if (fromDay == null) {
            fromDay = toDay.minusDays(364);
        }
        if (fromDay.isAfter(toDay)) {
            errors.add(new FieldError("from", "must not be after to"));
        } else if (fromDay.plusDays(MAX_DAYS).isBefore(toDay)) {
            errors.add(new FieldError("to", "a report covers at most ten years"));
        }
        String moduleCode = null;
        if (present(module)) {
            moduleCode = module.strip().toUpperCase(Locale.ROOT);
            if (!moduleCode.matches("[A-Z0-9-]{1,16}")) {
                errors.add(new FieldError("module", "not a module code (e.g. SDG-1)"));
            }
        }
        CohortKind cohortKind = constant(CohortKind.class, "kind", kind, "unknown cohort kind", errors);
        String lang = null;
        if (present(language)) {
            lang = language.strip().toLowerCase(Locale.ROOT);
            if (!Languages.isSupported(lang)) {
                errors.add(new FieldError("language", "one of " + Languages.SUPPORTED));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new ReportFilter(section, fromDay, toDay, moduleCode, cohortKind, lang);
    }

    private static boolean present(@Nullable String s) {
        return s != null && !s.isBlank();
    }

    /** The enum constant named by {@code value} in any case, or null with an error naming the allowed ones. */
    private static <E extends Enum<E>> E constant(Class<E> type, String field, @Nullable String value, String unknown,
                                                  List<FieldError> errors) {
        if (!present(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, unknown + "; one of " + List.of(type.getEnumConstants())));
            return null;
        }
    }

    private static LocalDate date(String field, @Nullable String value, List<FieldError> errors) {
        if (!present(value)) {
            return null;
        }
        return PlausibleDates.date(value, field, errors);
    }
}
