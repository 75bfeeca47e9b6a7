package dev.medius.catalog.domain;

/** A default prescription: sets of a rep range or of timed holds, with rest, tempo and band placement. */
public record Dose(int sets, Integer repsMin, Integer repsMax, Integer holdSeconds, Integer restSeconds, String tempo,
        String bandPlacement) {
}
