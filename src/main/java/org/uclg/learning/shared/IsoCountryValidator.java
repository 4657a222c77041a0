package org.uclg.learning.shared;

import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import io.micronaut.validation.validator.constraints.ConstraintValidatorContext;
import jakarta.inject.Singleton;

import java.util.Locale;
import java.util.Set;

@Singleton
final class IsoCountryValidator implements ConstraintValidator<IsoCountry, String> {
    private static final Set<String> CODES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    static boolean isCountry(String value) {
        return CODES.contains(value);
    }

    @Override
    public boolean isValid(String value, AnnotationValue<IsoCountry> annotation, ConstraintValidatorContext context) {
        return value == null || isCountry(value);
    }
}
