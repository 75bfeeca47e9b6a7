package dev.medius.runtime.trail;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an operation that reads athletes' health data: each answer it gives with success is recorded in the access
 * trail before it leaves, with who read, when, what and under which rule. The athlete is the {@code athleteId} path
 * parameter, or the athletes the operation names through {@link TrailedAthletes} (a roster).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface HealthDataRead {

    /** What was read, in words a data-protection officer reads: "progress", "plan", "roster". */
    String value();
}
