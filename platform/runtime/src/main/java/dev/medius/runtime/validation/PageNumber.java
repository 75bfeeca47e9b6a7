package dev.medius.runtime.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;

/**
 * A page number as sent in a query string: a whole number from 0. Checked as text, because a query parameter
 * that fails to convert is a 404 in JAX-RS, which would not name the parameter.
 */
@Pattern(regexp = "\\d{1,9}")
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ PARAMETER, FIELD })
@Retention(RUNTIME)
public @interface PageNumber {

    String message() default "must be a whole number, 0 or more";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
