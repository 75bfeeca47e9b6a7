package dev.medius.routine.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

/** Today and now in UTC, in one place, so "from today on" means one thing everywhere. */
@ApplicationScoped
public class Clock {

    public LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
