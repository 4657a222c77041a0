package org.uclg.learning.people;

import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import io.micronaut.validation.validator.constraints.ConstraintValidatorContext;
import jakarta.inject.Singleton;

import java.text.Normalizer;
import java.util.Locale;

@Singleton
final class FitsNormalizedValidator implements ConstraintValidator<FitsNormalized, String> {
    @Override
    public boolean isValid(String value, AnnotationValue<FitsNormalized> annotation, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        int max = annotation.intValue("max").orElse(Integer.MAX_VALUE);
        String normalized = Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
        return normalized.length() <= max && normalized.toLowerCase(Locale.ROOT).length() <= max;
    }
}
