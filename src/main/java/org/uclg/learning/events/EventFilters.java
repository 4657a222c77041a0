package org.uclg.learning.events;

import org.uclg.learning.shared.PlausibleDates;
import org.uclg.learning.shared.EnumParameters;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.uclg.learning.people.RegionalSection;
import org.uclg.learning.shared.Languages;
import org.uclg.learning.shared.Paging;
import org.uclg.learning.shared.ProblemException.FieldError;
import org.uclg.learning.shared.ValidationException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The query parameters of GET /events, checked: every bad one is named in one 400. */
@Singleton
class EventFilters {

    EventQueries.Filter parse(@Nullable String when, @Nullable String regionalSection, @Nullable String module,
                              @Nullable String kind, @Nullable String format, @Nullable String language,
                              @Nullable String status, @Nullable String cohort, @Nullable String from, @Nullable String to,
                              int page, int size) {
        List<FieldError> errors = new ArrayList<>();
        EventQueries.When w = when == null || when.isBlank() ? EventQueries.When.UPCOMING
                : EnumParameters.parse(EventQueries.When.class, when, "when", errors);
        RegionalSection section = EnumParameters.parse(RegionalSection.class, regionalSection, "regionalSection", errors);
        EventKind k = EnumParameters.parse(EventKind.class, kind, "kind", errors);
        EventFormat f = EnumParameters.parse(EventFormat.class, format, "format", errors);
        EventStatus s = EnumParameters.parse(EventStatus.class, status, "status", errors);
        if (language != null && !Languages.isSupported(language)) {
            errors.add(new FieldError("language", Languages.PATTERN_MESSAGE));
        }
        if (module != null && (module.length() > 16 || module.chars().anyMatch(Character::isISOControl))) {
            errors.add(new FieldError("module", "is not a module code"));
        }
        UUID cohortId = null;
        if (cohort != null) {
            try {
                cohortId = UUID.fromString(cohort);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("cohort", "must be a cohort id (a UUID)"));
            }
        }
        Instant fromAt = bound(from, "from", false, errors);
        Instant toAt = bound(to, "to", true, errors);
        Paging.check(page, size, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new EventQueries.Filter(w == null ? EventQueries.When.UPCOMING : w, section,
                module == null ? null : EventInput.upper(module), k, f, language, s, cohortId, fromAt, toAt);
    }

    /** A date (the whole day in UTC; {@code to} is inclusive) or a date-time with an offset. */
    private static @Nullable Instant bound(@Nullable String value, String field, boolean end, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() <= 10) {
            LocalDate day = PlausibleDates.date(value, field, errors);
            return day == null ? null : (end ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        return PlausibleDates.instant(value, field, errors);
    }

}
