package org.uclg.learning.shared;

import io.micronaut.core.annotation.Nullable;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Query parameters that name an enum constant ({@code ?kind=tot}): any case, blank means absent. */
public final class EnumParameters {
    private EnumParameters() {
    }

    /** The constant, or null when absent; a wrong value adds an error naming {@code field} and the allowed values. */
    public static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String value, String field,
                                                       List<ProblemException.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new ProblemException.FieldError(field, "must be one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }
}
