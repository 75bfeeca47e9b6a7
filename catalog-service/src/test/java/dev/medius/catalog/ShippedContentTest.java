package dev.medius.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.medius.events.Vocabulary;

/** The shipped library read as a physiotherapist would check it: rules behind every pain, evidence where measured. */
class ShippedContentTest {

    private static final Set<String> SEED = Set.of("lateral-band-walk", "banded-glute-bridge-abduction",
            "squat-with-lateral-leg-raise");
    /** Words of the free text that name a pain area; the narrower ones are read first. */
    private static final Map<Pattern, String> AREA_WORDS = new LinkedHashMap<>();

    static {
        AREA_WORDS.put(Pattern.compile("outside of the hip"), "lateral-hip");
        AREA_WORDS.put(Pattern.compile("low back"), "low-back");
        AREA_WORDS.put(Pattern.compile("\\bhip"), "hip");
        AREA_WORDS.put(Pattern.compile("\\bgroin"), "groin");
        AREA_WORDS.put(Pattern.compile("\\bhamstring"), "hamstring");
        AREA_WORDS.put(Pattern.compile("\\bknee"), "knee");
        AREA_WORDS.put(Pattern.compile("\\bankle"), "ankle");
        AREA_WORDS.put(Pattern.compile("\\bachilles"), "achilles");
        AREA_WORDS.put(Pattern.compile("\\bshoulder"), "shoulder");
        AREA_WORDS.put(Pattern.compile("\\bwrist"), "wrist");
        AREA_WORDS.put(Pattern.compile("\\bneck"), "neck");
    }

    private static JsonNode library;

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = ShippedContentTest.class.getResourceAsStream("/content/medius-library.json")) {
            library = new ObjectMapper().readTree(in);
        }
    }

    private static List<JsonNode> exercises() {
        List<JsonNode> list = new ArrayList<>();
        library.path("exercises").forEach(list::add);
        return list;
    }

    private static JsonNode exercise(String slug) {
        return exercises().stream().filter(e -> e.path("slug").asText().equals(slug)).findFirst().orElseThrow();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static Set<String> areasNamedIn(String text) {
        String rest = text.toLowerCase(java.util.Locale.ROOT);
        Set<String> areas = new HashSet<>();
        for (Map.Entry<Pattern, String> word : AREA_WORDS.entrySet()) {
            Matcher matcher = word.getKey().matcher(rest);
            if (matcher.find()) {
                areas.add(word.getValue());
                rest = matcher.replaceAll(" ");
            }
        }
        return areas;
    }

    @Test
    void everyContraindicationNamingAnAreaIsCoveredByARuleOnThatArea() {
        for (JsonNode e : exercises()) {
            String slug = e.path("slug").asText();
            List<JsonNode> rules = new ArrayList<>();
            e.path("contraindicationRules").forEach(rules::add);
            assertThat(rules).as(slug + " has rules").isNotEmpty();
            for (String text : texts(e.path("contraindications"))) {
                List<JsonNode> explained = rules.stream().filter(r -> r.path("note").asText().equals(text)).toList();
                for (String area : areasNamedIn(text)) {
                    List<JsonNode> candidates = explained.isEmpty() ? rules : explained;
                    assertThat(candidates).as(slug + ": '" + text + "' names " + area)
                            .anyMatch(r -> r.path("area").asText().equals(area)
                                    || explained.size() > 0 && Vocabulary.concerns(area, r.path("area").asText()));
                }
            }
            for (JsonNode rule : rules) {
                assertThat(texts(e.path("contraindications"))).as(slug + ": a rule's note is its explanation")
                        .contains(rule.path("note").asText());
            }
        }
    }

    @Test
    void rulesAndPainAreasSpeakTheVocabulary() {
        for (JsonNode e : exercises()) {
            String slug = e.path("slug").asText();
            assertThat(texts(e.path("painAreasToAvoid"))).as(slug).isSubsetOf(Vocabulary.PAIN_AREAS);
            assertThat(texts(e.path("equipment"))).as(slug).isSubsetOf(Vocabulary.EQUIPMENT);
            for (JsonNode rule : e.path("contraindicationRules")) {
                assertThat(rule.path("area").asText()).as(slug).isIn(Vocabulary.PAIN_AREAS);
                assertThat(rule.path("acuity").asText()).as(slug).isIn(Vocabulary.ACUITIES);
                if (!rule.path("position").isNull()) {
                    assertThat(rule.path("position").asText()).as(slug).isIn(Vocabulary.POSITIONS);
                }
            }
            for (JsonNode finding : e.path("findings")) {
                assertThat(finding.path("measure").asText()).as(slug).isIn(Vocabulary.FINDING_MEASURES);
            }
        }
    }

    @Test
    void lyingOnTheHipIsRuledOutForLateralHipPain() {
        for (String slug : List.of("clamshell", "banded-clamshell", "side-lying-hip-abduction", "side-plank-clamshell",
                "side-plank-hip-abduction", "side-plank-knees", "side-plank")) {
            assertThat(exercise(slug).path("contraindicationRules")).as(slug)
                    .anyMatch(r -> r.path("area").asText().equals("lateral-hip")
                            && r.path("position").asText().equals("lying-on-side")
                            && Vocabulary.applies(r.path("acuity").asText(), "persistent"));
        }
        assertThat(exercise("hip-hike").path("contraindicationRules"))
                .anyMatch(r -> r.path("area").asText().equals("lateral-hip")
                        && r.path("position").asText().equals("hip-adduction-across-midline"));
    }

    @Test
    void variationsOfOneMovementAvoidTheSameAreas() {
        for (String slug : List.of("bodyweight-squat", "goblet-squat", "banded-wall-sit", "squat-with-lateral-leg-raise",
                "split-squat", "forward-lunge", "lateral-lunge", "step-up", "lateral-step-down", "single-leg-squat")) {
            assertThat(texts(exercise(slug).path("painAreasToAvoid"))).as(slug).contains("knee");
        }
        for (String slug : List.of("front-plank", "front-plank-hip-extension", "side-plank-knees", "side-plank",
                "side-plank-clamshell", "side-plank-hip-abduction", "short-lever-copenhagen-plank",
                "copenhagen-adductor-plank")) {
            assertThat(texts(exercise(slug).path("painAreasToAvoid"))).as(slug).contains("shoulder");
        }
        for (String slug : List.of("kickstand-rdl", "single-leg-rdl", "nordic-hamstring-curl", "hamstring-walkout")) {
            assertThat(texts(exercise(slug).path("painAreasToAvoid"))).as(slug).contains("hamstring");
        }
    }

    @Test
    void theSeedArticleIsCitedOnItsOwnThreeExercisesOnly() {
        for (JsonNode e : exercises()) {
            String slug = e.path("slug").asText();
            boolean cites = texts(e.path("sourceKeys")).contains("medius-seed-2020");
            assertThat(cites).as(slug).isEqualTo(SEED.contains(slug));
            assertThat(e.path("seed").asBoolean()).as(slug).isEqualTo(SEED.contains(slug));
            List<JsonNode> doses = new ArrayList<>();
            e.path("findings").forEach(f -> {
                if (f.path("measure").asText().equals("prescribed-dose")) {
                    doses.add(f);
                }
            });
            assertThat(doses).as(slug).hasSize(SEED.contains(slug) ? 1 : 0)
                    .allMatch(f -> f.path("sourceKey").asText().equals("medius-seed-2020"));
            if (!SEED.contains(slug)) {
                assertThat(e.path("evidence").asText()).as(slug).doesNotContainIgnoringCase("seed article");
            }
        }
    }

    @Test
    void marshallIsNotCitedWhereItDoesNotApply() {
        for (String slug : List.of("lateral-band-walk", "squat-with-lateral-leg-raise", "hip-hike",
                "copenhagen-adductor-plank", "short-lever-copenhagen-plank")) {
            assertThat(texts(exercise(slug).path("sourceKeys"))).as(slug).doesNotContain("marshall-2011");
            assertThat(exercise(slug).path("evidence").asText()).as(slug).doesNotContain("Marshall");
        }
    }

    @Test
    void findingsComeFromCitedSourcesAndActivationFiguresFromFindings() {
        Set<String> sources = new HashSet<>();
        library.path("sources").forEach(s -> sources.add(s.path("key").asText()));
        for (JsonNode e : exercises()) {
            String slug = e.path("slug").asText();
            List<String> cited = texts(e.path("sourceKeys"));
            assertThat(cited).as(slug).isSubsetOf(sources);
            for (JsonNode finding : e.path("findings")) {
                assertThat(finding.path("sourceKey").asText()).as(slug).isIn(sources).isIn(cited);
            }
            for (JsonNode muscle : e.path("muscles")) {
                if (muscle.path("activationMvicPercent").isNumber()) {
                    assertThat(e.path("findings")).as(slug + " " + muscle.path("muscle").asText())
                            .anyMatch(f -> f.path("sourceKey").asText().equals(muscle.path("sourceKey").asText())
                                    && f.path("value").asDouble() == muscle.path("activationMvicPercent").asDouble());
                }
            }
        }
        // no study measured the clam inside a side bridge
        assertThat(exercise("side-plank-clamshell").path("findings")).isEmpty();
        assertThat(exercise("side-plank-clamshell").path("muscles"))
                .allMatch(m -> m.path("activationMvicPercent").isNull());
    }

    @Test
    void preventionExercisesCarryTheirTrialsAndNeedWhatTheirStepsUse() {
        JsonNode copenhagen = exercise("copenhagen-adductor-plank");
        assertThat(texts(copenhagen.path("conditions"))).contains("groin-injury");
        assertThat(copenhagen.path("findings")).anyMatch(f -> f.path("sourceKey").asText().equals("haroy-2019")
                && f.path("measure").asText().equals("injury-risk-reduction"));
        assertThat(copenhagen.path("prescription").path("holdSeconds").asInt()).isLessThanOrEqualTo(30);
        assertThat(texts(exercise("short-lever-copenhagen-plank").path("harder"))).contains("copenhagen-adductor-plank");
        JsonNode nordic = exercise("nordic-hamstring-curl");
        assertThat(texts(nordic.path("conditions"))).contains("hamstring-strain");
        assertThat(texts(nordic.path("equipment"))).contains("anchor");
        assertThat(texts(nordic.path("easier"))).isNotEmpty();
        assertThat(nordic.path("findings")).anyMatch(f -> f.path("sourceKey").asText().equals("van-der-horst-2015"));
        assertThat(texts(exercise("goblet-squat").path("equipment"))).containsExactly("dumbbell");
        assertThat(texts(exercise("hip-thrust").path("equipment"))).contains("dumbbell");
    }

    @Test
    void spanishCarriesContraindicationsEvidenceAndTheAclsName() {
        for (JsonNode e : exercises()) {
            String slug = e.path("slug").asText();
            JsonNode es = e.path("translations").path("es");
            assertThat(es.path("contraindications").size()).as(slug).isEqualTo(e.path("contraindications").size());
            assertThat(es.path("contraindicationNotes").size()).as(slug).isEqualTo(e.path("contraindicationRules").size());
            assertThat(es.path("findingNotes").size()).as(slug).isEqualTo(e.path("findings").size());
            assertThat(es.path("evidence").asText()).as(slug).isNotBlank();
        }
        library.path("conditions").forEach(c -> {
            String spanish = c.path("translations").path("es").toString();
            if (spanish.contains("LCA")) {
                assertThat(spanish).contains("ligamento cruzado anterior (LCA)").doesNotContain("ligamento interno");
            }
        });
    }
}
