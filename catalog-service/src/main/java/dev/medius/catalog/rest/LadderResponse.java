package dev.medius.catalog.rest;

import java.util.List;
import java.util.UUID;

/** An exercise's easier and harder variations, nearest rung first. */
public record LadderResponse(Rung exercise, List<Rung> easier, List<Rung> harder) {

    /** A variation, {@code steps} rungs away from the exercise asked about. */
    public record Rung(UUID id, String slug, String name, String level, int steps) {
    }
}
