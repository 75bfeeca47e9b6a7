package dev.medius.routine.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.medius.events.Vocabulary;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class TermsTest {

    @Test
    void everydayWordsMapToTheirCanonicalValue() {
        assertThat(Terms.canonical(Terms.Kind.PAIN_AREA, "knees")).containsExactly("knee");
        assertThat(Terms.canonical(Terms.Kind.PAIN_AREA, "  Lower Back ")).containsExactly("low-back");
        assertThat(Terms.canonical(Terms.Kind.PAIN_AREA, "lower_back")).containsExactly("low-back");
        assertThat(Terms.canonical(Terms.Kind.PAIN_AREA, "Rodilla")).containsExactly("knee");
        assertThat(Terms.canonical(Terms.Kind.PAIN_AREA, "gluteal tendinopathy")).containsExactly("lateral-hip");
        assertThat(Terms.canonical(Terms.Kind.LEVEL, "novice")).containsExactly("beginner");
        assertThat(Terms.canonical(Terms.Kind.EQUIPMENT, "Dumbbells")).containsExactly("dumbbell");
        assertThat(Terms.canonical(Terms.Kind.EQUIPMENT, "bands")).containsExactly("mini-band", "long-band");
        assertThat(Terms.canonical(Terms.Kind.EQUIPMENT, "mancuernas")).containsExactly("dumbbell");
        assertThat(Terms.canonical(Terms.Kind.SPORT, "football")).containsExactly("soccer");
        assertThat(Terms.canonical(Terms.Kind.GOAL, "runner's knee")).containsExactly("patellofemoral");
        assertThat(Terms.canonical(Terms.Kind.ONSET, "chronic")).containsExactly("persistent");
        assertThat(Terms.canonical(Terms.Kind.RED_FLAG, "pins and needles")).containsExactly("numbness-or-tingling");
    }

    @Test
    void aMisspeltWordIsRefusedAndOnlySuggested() {
        assertThat(Terms.canonical(Terms.Kind.PAIN_AREA, "kne")).isEmpty();
        assertThat(Terms.canonical(Terms.Kind.PAIN_AREA, null)).isEmpty();
        assertThat(Terms.nearest(Terms.Kind.PAIN_AREA, "kne")).isEqualTo("knee");
        assertThat(Terms.nearest(Terms.Kind.EQUIPMENT, "dumbell")).isEqualTo("dumbbell");
        assertThat(Terms.nearest(Terms.Kind.PAIN_AREA, "elbow")).isNull();
    }

    @Test
    void theVocabulariesAgreeWithTheEventContract() {
        assertThat(Terms.values(Terms.Kind.PAIN_AREA)).containsExactlyInAnyOrderElementsOf(Vocabulary.PAIN_AREAS);
        assertThat(Terms.values(Terms.Kind.EQUIPMENT)).containsExactlyInAnyOrderElementsOf(Vocabulary.EQUIPMENT);
        assertThat(Terms.values(Terms.Kind.ONSET)).containsExactlyInAnyOrderElementsOf(Vocabulary.ONSETS);
        assertThat(Terms.values(Terms.Kind.LEVEL)).containsExactlyInAnyOrderElementsOf(Vocabulary.LEVELS);
        for (Terms.Kind kind : Terms.Kind.values()) {
            assertThat(Terms.terms(kind)).allSatisfy(term -> {
                assertThat(term.label("en")).isNotBlank();
                assertThat(term.label("es")).isNotBlank();
            });
        }
        assertThat(Terms.terms(Terms.Kind.PAIN_AREA).get(0).label("es")).isEqualTo("Zona lumbar");
    }

    @Provide
    Arbitrary<Terms.Kind> kinds() {
        return Arbitraries.of(Terms.Kind.class);
    }

    @Property(tries = 200)
    void everyValueAndSynonymResolvesAndNoSynonymIsAmbiguous(@ForAll("kinds") Terms.Kind kind) {
        for (Terms.Term term : Terms.terms(kind)) {
            assertThat(Terms.canonical(kind, term.value())).containsExactly(term.value());
            assertThat(Terms.canonical(kind, term.value().toUpperCase())).containsExactly(term.value());
            for (String synonym : term.synonyms()) {
                List<String> values = Terms.canonical(kind, synonym);
                assertThat(values).as(synonym).isNotEmpty();
            }
        }
    }

    @Property(tries = 300)
    void anyOtherWordIsUnknown(@ForAll("kinds") Terms.Kind kind,
            @ForAll @net.jqwik.api.constraints.AlphaChars @net.jqwik.api.constraints.StringLength(min = 1, max = 12) String word) {
        List<String> values = Terms.canonical(kind, "zq" + word);
        assertThat(values).isEmpty();
    }

    @Test
    void eachVocabularyIsNamedAsTheProfileFieldThatUsesIt() {
        assertThat(java.util.Arrays.stream(Terms.Kind.values()).map(Terms.Kind::field)).containsExactly("level", "sport",
                "goals", "equipment", "pain.area", "pain.onset", "redFlags");
    }

    @Test
    void aSuggestionIsAtMostTwoEditsAwayAndPointsToTheCanonicalValue() {
        assertThat(Terms.nearest(Terms.Kind.PAIN_AREA, "ankel")).isEqualTo("ankle");
        assertThat(Terms.nearest(Terms.Kind.PAIN_AREA, "Lowr Back")).isEqualTo("low-back");
        assertThat(Terms.nearest(Terms.Kind.EQUIPMENT, "dumbel")).isEqualTo("dumbbell");
        assertThat(Terms.nearest(Terms.Kind.LEVEL, "advnced")).isEqualTo("advanced");
        // three edits away is a different word, not a typo
        assertThat(Terms.nearest(Terms.Kind.PAIN_AREA, "thigh")).isNull();
        assertThat(Terms.nearest(Terms.Kind.LEVEL, "adv")).isNull();
    }

    @Test
    void wordsAreComparedWithoutCaseAccentsOrSeparators() {
        assertThat(Terms.normalise("  Lower__Back  ")).isEqualTo("lower-back");
        assertThat(Terms.normalise("Fútbol")).isEqualTo("futbol");
        assertThat(Terms.normalise("--Runner's Knee--")).isEqualTo("runner's-knee");
        assertThat(Terms.canonical(Terms.Kind.SPORT, "FÚTBOL")).containsExactly("soccer");
        assertThat(Terms.canonical(Terms.Kind.EQUIPMENT, "Elastic bands")).containsExactly("mini-band", "long-band");
        assertThat(Terms.canonical(Terms.Kind.EQUIPMENT, "band")).containsExactly("mini-band", "long-band");
        assertThat(Terms.canonical(Terms.Kind.EQUIPMENT, "gomas")).containsExactly("mini-band", "long-band");
    }

    @Test
    void aTermIsLabelledInSpanishOnlyWhenSpanishIsAsked() {
        Terms.Term knee = Terms.terms(Terms.Kind.PAIN_AREA).stream().filter(t -> t.value().equals("knee")).findFirst()
                .orElseThrow();
        assertThat(knee.label("es")).isEqualTo("Rodilla");
        assertThat(knee.label("en")).isEqualTo("Knee");
        assertThat(knee.label("fr")).isEqualTo("Knee");
    }
}
