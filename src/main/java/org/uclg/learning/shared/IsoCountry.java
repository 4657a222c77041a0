package org.uclg.learning.shared;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An upper-case ISO 3166-1 alpha-2 country code ({@code SN}, {@code ID}, {@code BR}). Null is valid. */
@Documented
@Constraint(validatedBy = {})
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
public @interface IsoCountry {
    String message() default "must be an ISO 3166-1 alpha-2 country code, e.g. SN";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
