package dev.medius.progress.rest;

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

/** How many weeks of training load to show, as sent in a query string: a whole number from 1 to a year's 52. */
@Pattern(regexp = "\\d{1,9}")
@Min(1)
@Max(LoadWeeks.MAX)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target(PARAMETER)
@Retention(RUNTIME)
public @interface LoadWeeks {

    int MAX = 52;

    String message() default "must be a whole number between 1 and " + MAX;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
