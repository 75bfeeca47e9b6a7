package dev.medius.bench;

import java.util.concurrent.TimeUnit;

/** The harness polls its subjects (readiness, row counts) at a fixed period between checks. */
final class Pause {

    private Pause() {
    }

    static void millis(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
