package dev.medius.progress.domain;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises a skip's free-text reason as injury or illness (session.skipped.v1 has no reason codes): English and
 * Spanish words, any case, accents ignored, whole words or the word stems below ("a cold" as a phrase); a word right
 * after a negation ("no pain", "sin dolor", "not injured") does not count.
 */
public final class SkipReasons {

    /** Why a skip was recognised: {@code injury} or {@code illness}, and the word that said so. */
    public record Cause(String kind, String word) {
    }

    static final Set<String> INJURY_WORDS = Set.of("hurt", "hurts", "hurting", "pain", "painful", "ache", "aches",
            "sprain", "sprained", "strain", "strained", "tear", "torn", "pulled", "fracture", "fractured", "concussion", "surgery", "dolor", "duele", "esguince", "rotura", "lesion", "lesionado",
            "lesionada", "fractura", "cirugia", "golpe", "contractura");
    static final List<String> INJURY_STEMS = List.of("injur", "tendin", "tendon", "lesion", "dolor", "molest");
    static final Set<String> ILLNESS_WORDS = Set.of("ill", "illness", "sick", "sickness", "flu", "influenza", "fever",
            "covid", "virus", "viral", "unwell", "infection", "vomiting", "migraine", "enfermo", "enferma",
            "enfermedad", "gripe", "fiebre", "resfriado", "resfriada", "catarro", "vomitos", "migrana");
    static final List<String> ILLNESS_STEMS = List.of("enferm", "resfri", "infecc");
    static final Set<String> NEGATIONS = Set.of("no", "not", "without", "never", "sin", "nada");

    private SkipReasons() {
    }

    /** The cause the reason names, or empty when it names neither injury nor illness (or is missing). */
    public static Optional<Cause> cause(String reason) {
        if (reason == null) {
            return Optional.empty();
        }
        String plain = Normalizer.normalize(reason, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        String previous = "";
        for (String word : plain.split("[^\\p{L}]+")) {
            if (!NEGATIONS.contains(previous)) {
                if (INJURY_WORDS.contains(word) || startsWithAny(word, INJURY_STEMS)) {
                    return Optional.of(new Cause("injury", word));
                }
                // "a cold" is an illness, "too cold" is the weather
                if (ILLNESS_WORDS.contains(word) || startsWithAny(word, ILLNESS_STEMS)
                        || word.equals("cold") && previous.equals("a")) {
                    return Optional.of(new Cause("illness", word));
                }
            }
            previous = word;
        }
        return Optional.empty();
    }

    private static boolean startsWithAny(String word, List<String> stems) {
        return stems.stream().anyMatch(word::startsWith);
    }
}
