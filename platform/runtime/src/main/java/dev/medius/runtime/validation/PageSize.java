package dev.medius.runtime.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;


/** A page size as sent in a query string: a whole number from 1 to {@link #MAX}, checked as text. */
@Pattern(regexp = "\\d{1,9}")
@Min(1)
@Max(PageSize.MAX)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ PARAMETER, FIELD })
@Retention(RUNTIME)
public @interface PageSize {

    /** The largest page any list answers: a screenful, and a bounded cost per request. */
    int MAX = 100;

    String message() default "must be a whole number between 1 and " + MAX;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
