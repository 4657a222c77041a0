package org.uclg.learning.people;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The value still fits {@code max} characters once normalised the way it is stored (Unicode NFC,
 * and lower case for emails): a few characters grow under normalisation, and a value that no longer
 * fits its column must be refused as too long, not fail on insert. Null is valid.
 */
@Documented
@Constraint(validatedBy = {})
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@interface FitsNormalized {
    int max();

    String message() default "is too long once normalised (at most {max} characters)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
