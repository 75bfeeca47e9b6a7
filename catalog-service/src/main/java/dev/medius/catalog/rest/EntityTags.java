package dev.medius.catalog.rest;

import java.util.UUID;

/** Reading the entity tags clients send back in If-None-Match and If-Match. */
final class EntityTags {

    private EntityTags() {
    }

    /** Whether an If-None-Match header names this tag (or any, with {@code *}). */
    static boolean matches(String header, String etag) {
        if (header == null) {
            return false;
        }
        String current = opaque(etag);
        for (String candidate : header.split(",")) {
            String tag = candidate.strip();
            if ("*".equals(tag) || opaque(tag).equals(current)) {
                return true;
            }
        }
        return false;
    }

    /** The revision an If-Match refers to; one for another exercise or unreadable can never be current. */
    static int expectedRevision(UUID id, String ifMatch) {
        String tag = opaque(ifMatch.split(",")[0]);
        String prefix = id + "-";
        if (tag.startsWith(prefix)) {
            try {
                return Integer.parseInt(tag.substring(prefix.length()));
            } catch (NumberFormatException e) {
                // falls through to a stale precondition
            }
        }
        return -1;
    }

    private static String opaque(String tag) {
        String t = tag.strip();
        if (t.startsWith("W/")) {
            t = t.substring(2);
        }
        return t.replace("\"", "");
    }
}
