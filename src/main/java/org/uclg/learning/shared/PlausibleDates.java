package org.uclg.learning.shared;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one rule for every date and time the API accepts (bodies and query parameters): ISO-8601
 * text, years 2000 to 2099. A far-away value ({@code +999999999-12-31}, year 0) would otherwise be
 * stored as nonsense or overflow PostgreSQL; numbers are never dates.
 */
public final class PlausibleDates {
    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2099, 12, 31);
    public static final String RANGE_MESSAGE = "must be between 2000-01-01 and 2099-12-31";
    public static final String DATE_MESSAGE = "must be a date YYYY-MM-DD";
    public static final String INSTANT_MESSAGE = "must be a date-time with an offset, e.g. 2026-12-10T15:00:00+01:00";
    private static final Instant FIRST_INSTANT = EARLIEST.atStartOfDay().toInstant(ZoneOffset.UTC);
    private static final Instant END_INSTANT = LATEST.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    /** Four-digit years only: ISO parsers also take "+999999999-12-31". */
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[0-9:.]{5,18}(Z|z|[+-]\\d{2}:\\d{2}(:\\d{2})?)");

    private PlausibleDates() {
    }

    public static boolean plausible(LocalDate date) {
        return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
    }

    public static boolean plausible(Instant at) {
        return !at.isBefore(FIRST_INSTANT) && at.isBefore(END_INSTANT);
    }

    /** A date {@code YYYY-MM-DD} in range, or null with an error naming {@code field}. */
    public static @Nullable LocalDate date(String value, String field, List<ProblemException.FieldError> errors) {
        String v = value.strip();
        if (!DATE.matcher(v).matches()) {
            errors.add(new ProblemException.FieldError(field, DATE_MESSAGE));
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(v);
            if (!plausible(date)) {
                errors.add(new ProblemException.FieldError(field, RANGE_MESSAGE));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.add(new ProblemException.FieldError(field, "is not a calendar date"));
            return null;
        }
    }

    /** As {@link #date(String, String, List)}, throwing a 400 naming {@code field}. */
    public static LocalDate date(String value, String field) {
        List<ProblemException.FieldError> errors = new ArrayList<>();
        return require(date(value, field, errors), errors);
    }

    /** A date-time with an offset in range, or null with an error naming {@code field}. */
    public static @Nullable Instant instant(String value, String field, List<ProblemException.FieldError> errors) {
        String v = value.strip();
        if (!DATE_TIME.matcher(v).matches()) {
            errors.add(new ProblemException.FieldError(field, INSTANT_MESSAGE));
            return null;
        }
        try {
            Instant at = OffsetDateTime.parse(v).toInstant();
            if (!plausible(at)) {
                errors.add(new ProblemException.FieldError(field, RANGE_MESSAGE));
                return null;
            }
            return at;
        } catch (DateTimeParseException e) {
            errors.add(new ProblemException.FieldError(field, INSTANT_MESSAGE));
            return null;
        }
    }

    /** As {@link #instant(String, String, List)}, throwing a 400 naming {@code field}. */
    public static Instant instant(String value, String field) {
        List<ProblemException.FieldError> errors = new ArrayList<>();
        return require(instant(value, field, errors), errors);
    }

    private static <T> T require(@Nullable T parsed, List<ProblemException.FieldError> errors) {
        if (parsed == null) {
            throw new ValidationException(errors);
        }
        return parsed;
    }
}
