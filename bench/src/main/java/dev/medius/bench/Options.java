package dev.medius.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sizes and run counts, from system properties {@code -Dbench.<name>=<value>} (the run script maps
 * {@code --name value} flags onto them). {@code bench.smoke=true} swaps every default for a tiny one,
 * so the whole harness runs in the test suite in about a minute.
 */
final class Options {

    private final boolean smoke = Boolean.getBoolean("bench.smoke");
    private final Map<String, Object> used = new LinkedHashMap<>();

    boolean smoke() {
        return smoke;
    }

    int runs() {
        return Integer.getInteger("bench.runs", smoke ? 1 : 3);
    }

    /** A size: the system property if given, else the full or the smoke default. */
    int size(String name, int full, int tiny) {
        int value = Integer.getInteger("bench." + name, smoke ? tiny : full);
        used.put(name, value);
        return value;
    }

    /** The sizes read since the last call, for the report; forgets them. */
    Map<String, Object> takeSizes() {
        Map<String, Object> sizes = new LinkedHashMap<>(used);
        used.clear();
        return sizes;
    }
}
