package dev.medius.catalog.rest;

import java.util.Locale;
import java.util.Set;

import jakarta.ws.rs.core.HttpHeaders;

/** Picks the response language from Accept-Language among those the content is written in. */
final class Languages {

    static final Set<String> SUPPORTED = Set.of("en", "es");

    private Languages() {
    }

    /** The caller's most preferred language we have, else English. */
    static String preferred(HttpHeaders headers) {
        for (Locale locale : headers.getAcceptableLanguages()) {
            String language = locale.getLanguage().toLowerCase(Locale.ROOT);
            if (SUPPORTED.contains(language)) {
                return language;
            }
        }
        return "en";
    }
}
