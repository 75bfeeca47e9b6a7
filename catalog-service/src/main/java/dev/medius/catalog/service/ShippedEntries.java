package dev.medius.catalog.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.medius.catalog.domain.Condition;
import dev.medius.catalog.domain.ContraindicationRule;
import dev.medius.catalog.domain.Dose;
import dev.medius.catalog.domain.Exercise;
import dev.medius.catalog.domain.ExerciseTranslation;
import dev.medius.catalog.domain.Finding;
import dev.medius.catalog.domain.MediaLink;
import dev.medius.catalog.domain.Muscle;
import dev.medius.catalog.domain.MuscleWork;
import dev.medius.catalog.domain.Source;

/** The entries of the shipped library file as entities: sources, muscles and conditions saved, exercises filled in. */
@ApplicationScoped
public class ShippedEntries {

    @Inject
    ObjectMapper json;

    /** Creates or updates every source, muscle and condition of the file. */
    void saveReferenceData(JsonNode content) {
        for (JsonNode n : content.path("sources")) {
            String key = n.path("key").asText();
            Source source = Objects.requireNonNullElseGet(Source.findById(key), Source::new);
            source.key = key;
            source.authors = text(n.path("authors"));
            source.title = n.path("title").asText();
            source.journal = text(n.path("journal"));
            source.year = integer(n.path("year"));
            source.doi = text(n.path("doi"));
            source.url = text(n.path("url"));
            source.persist();
        }
        for (JsonNode n : content.path("muscles")) {
            String slug = n.path("slug").asText();
            Muscle muscle = Objects.requireNonNullElseGet(Muscle.findById(slug), Muscle::new);
            muscle.slug = slug;
            muscle.name = n.path("name").asText();
            muscle.region = n.path("region").asText();
            muscle.location = text(n.path("location"));
            muscle.functions = strings(n.path("functions"));
            muscle.sourceKeys = strings(n.path("sourceKeys"));
            muscle.translations = translations(n, new TypeReference<LinkedHashMap<String, Muscle.Translation>>() {
            });
            muscle.persist();
        }
        for (JsonNode n : content.path("conditions")) {
            String slug = n.path("slug").asText();
            Condition condition = Objects.requireNonNullElseGet(Condition.findById(slug), Condition::new);
            condition.slug = slug;
            condition.name = n.path("name").asText();
            condition.description = text(n.path("description"));
            condition.sourceKeys = strings(n.path("sourceKeys"));
            condition.translations = translations(n, new TypeReference<LinkedHashMap<String, Condition.Translation>>() {
            });
            condition.persist();
        }
    }

    private <T> Map<String, T> translations(JsonNode n, TypeReference<LinkedHashMap<String, T>> type) {
        Map<String, T> translations = json.convertValue(n.path("translations"), type);
        return translations == null ? new LinkedHashMap<>() : translations;
    }

    /** Copies one exercise entry of the file onto the exercise. */
    void copy(JsonNode n, Exercise e) {
        e.slug = n.path("slug").asText();
        e.name = n.path("name").asText();
        e.aliases = strings(n.path("aliases"));
        e.summary = text(n.path("summary"));
        e.steps = strings(n.path("steps"));
        e.cues = strings(n.path("cues"));
        e.mistakes = strings(n.path("mistakes"));
        e.category = n.path("category").asText();
        e.pattern = n.path("pattern").asText();
        e.level = n.path("level").asText();
        e.mechanic = text(n.path("mechanic"));
        e.equipment = strings(n.path("equipment"));
        e.laterality = n.path("laterality").asText();
        JsonNode p = n.path("prescription");
        e.prescription = new Dose(p.path("sets").asInt(1), integer(p.path("repsMin")), integer(p.path("repsMax")),
                integer(p.path("holdSeconds")), integer(p.path("restSeconds")), text(p.path("tempo")),
                text(p.path("bandPlacement")));
        List<MuscleWork> muscles = new ArrayList<>();
        for (JsonNode m : n.path("muscles")) {
            muscles.add(new MuscleWork(m.path("muscle").asText(), m.path("role").asText(),
                    number(m.path("activationMvicPercent")), text(m.path("sourceKey"))));
        }
        e.muscles.clear();
        e.muscles.addAll(muscles);
        e.conditions.clear();
        e.conditions.addAll(new LinkedHashSet<>(strings(n.path("conditions"))));
        e.contraindications = strings(n.path("contraindications"));
        e.painAreasToAvoid = strings(n.path("painAreasToAvoid"));
        List<ContraindicationRule> rules = new ArrayList<>();
        for (JsonNode r : n.path("contraindicationRules")) {
            rules.add(new ContraindicationRule(r.path("area").asText(), r.path("acuity").asText(), text(r.path("position")),
                    text(r.path("note"))));
        }
        e.contraindicationRules = rules;
        List<Finding> findings = new ArrayList<>();
        for (JsonNode f : n.path("findings")) {
            findings.add(new Finding(f.path("sourceKey").asText(), f.path("measure").asText(), number(f.path("value")),
                    text(f.path("unit")), text(f.path("note"))));
        }
        e.findings = findings;
        e.evidence = text(n.path("evidence"));
        e.sourceKeys = strings(n.path("sourceKeys"));
        List<MediaLink> media = new ArrayList<>();
        for (JsonNode m : n.path("media")) {
            media.add(m.isTextual() ? new MediaLink("image", m.asText(), null)
                    : new MediaLink(m.path("type").asText("image"), m.path("url").asText(), text(m.path("title"))));
        }
        e.media = media;
        e.license = text(n.path("license"));
        e.attribution = text(n.path("attribution"));
        e.seed = n.path("seed").asBoolean(false);
        Map<String, ExerciseTranslation> translations = new LinkedHashMap<>();
        n.path("translations").fields().forEachRemaining(t -> translations.put(t.getKey(),
                json.convertValue(t.getValue(), ExerciseTranslation.class)));
        e.translations = translations;
        e.refreshNamesText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode item : array) {
            out.add(item.asText());
        }
        return out;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asText();
    }

    private static Integer integer(JsonNode node) {
        return node == null || !node.isNumber() ? null : node.asInt();
    }

    private static Double number(JsonNode node) {
        return node.isNumber() ? node.asDouble() : null;
    }
}
