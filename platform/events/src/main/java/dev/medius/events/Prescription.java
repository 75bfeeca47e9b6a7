package dev.medius.events;

/**
 * A dose: {@code sets} of {@code repsMin}–{@code repsMax} repetitions or of {@code holdSeconds} holds,
 * with rest, tempo and where a band sits; {@code perSide} when each side does the whole dose.
 */
public record Prescription(int sets, Integer repsMin, Integer repsMax, Integer holdSeconds, Integer restSeconds,
        String tempo, String bandPlacement, boolean perSide) {
}
