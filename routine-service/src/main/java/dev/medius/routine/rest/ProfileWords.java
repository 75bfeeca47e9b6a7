package dev.medius.routine.rest;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.medius.routine.domain.Terms;
import dev.medius.runtime.problem.ProblemException;

/** Turns the words of a request into canonical values, refusing any word outside its vocabulary. */
final class ProfileWords {

    private ProfileWords() {
    }

    static String one(Terms.Kind kind, String field, String word) {
        List<String> values = Terms.canonical(kind, word);
        if (values.isEmpty()) {
            throw unknown(kind, field, word);
        }
        return values.get(0);
    }

    static Set<String> all(Terms.Kind kind, String field, List<String> words) {
        Set<String> values = new LinkedHashSet<>();
        for (int i = 0; words != null && i < words.size(); i++) {
            List<String> canonical = Terms.canonical(kind, words.get(i));
            if (canonical.isEmpty()) {
                throw unknown(kind, field + "[" + i + "]", words.get(i));
            }
            values.addAll(canonical);
        }
        return values;
    }

    private static ProblemException unknown(Terms.Kind kind, String field, String word) {
        String nearest = Terms.nearest(kind, word);
        return ProblemException.invalidField(field, "'" + word + "' is not a known value"
                + (nearest == null ? "" : " (did you mean '" + nearest + "'?)") + "; accepted: "
                + String.join(", ", Terms.values(kind)) + " (synonyms: GET /api/v1/vocabularies)");
    }
}
