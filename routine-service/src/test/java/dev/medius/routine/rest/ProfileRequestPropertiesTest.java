package dev.medius.routine.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.medius.routine.domain.AthleteProfile;
import dev.medius.routine.domain.Terms;
import dev.medius.runtime.problem.ProblemException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any word outside a vocabulary, in any field of a profile, is refused naming that field and the accepted values. */
class ProfileRequestPropertiesTest {

    private static PlanResource.ProfileRequest request(Map<String, Object> changes) {
        List<String> goals = new ArrayList<>(List.of("knee"));
        List<String> equipment = new ArrayList<>(List.of("mini-band"));
        List<String> painAreas = new ArrayList<>(List.of("hip"));
        List<String> redFlags = new ArrayList<>();
        String level = "beginner";
        String sport = "running";
        PlanResource.PainRequest pain = new PlanResource.PainRequest("knee", 3, "persistent");
        for (var change : changes.entrySet()) {
            String word = (String) change.getValue();
            switch (change.getKey()) {
                case "level" -> level = word;
                case "sport" -> sport = word;
                case "goals[1]" -> goals.add(word);
                case "equipment[1]" -> equipment.add(word);
                case "painAreas[1]" -> painAreas.add(word);
                case "redFlags[0]" -> redFlags.add(word);
                case "pain[0].area" -> pain = new PlanResource.PainRequest(word, 3, "persistent");
                case "pain[0].onset" -> pain = new PlanResource.PainRequest("knee", 3, word);
                default -> throw new IllegalArgumentException(change.getKey());
            }
        }
        return new PlanResource.ProfileRequest(level, sport, goals, equipment, 3, 30, 4, LocalDate.of(2027, 1, 4),
                painAreas, List.of(pain), redFlags, List.of());
    }

    @Provide
    Arbitrary<String> fields() {
        return Arbitraries.of("level", "sport", "goals[1]", "equipment[1]", "painAreas[1]", "redFlags[0]", "pain[0].area",
                "pain[0].onset");
    }

    @Provide
    Arbitrary<String> unknownWords() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars(' ', '-').ofMinLength(1).ofMaxLength(20)
                .map(word -> "x" + word + "q");
    }

    @Property(tries = 300)
    void anUnknownWordIsA400NamingItsField(@ForAll("fields") String field, @ForAll("unknownWords") String word) {
        ProblemException refused = catchThrowableOfType(ProblemException.class,
                () -> request(Map.of(field, word)).toProfile());
        assertThat(refused).as("%s = %s", field, word).isNotNull();
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.toProblem().errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo(field);
            assertThat(error.message()).contains("accepted: ");
        });
    }

    @Property(tries = 100)
    void everyAcceptedWordOrSynonymIsTakenAsItsCanonicalValue(@ForAll("painSynonyms") String synonym) {
        AthleteProfile profile = request(Map.of("pain[0].area", synonym)).toProfile();
        assertThat(profile.pain().get(0).area()).isEqualTo(Terms.canonical(Terms.Kind.PAIN_AREA, synonym).get(0));
        assertThat(profile.pain().get(0).onset()).isEqualTo("persistent");
        assertThat(profile.painAreas()).contains("hip");
    }

    @Provide
    Arbitrary<String> painSynonyms() {
        List<String> words = new ArrayList<>();
        Terms.terms(Terms.Kind.PAIN_AREA).forEach(term -> {
            words.add(term.value());
            words.addAll(term.synonyms());
        });
        return Arbitraries.of(words);
    }
}
