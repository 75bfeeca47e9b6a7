package dev.medius.catalog.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.medius.catalog.config.CatalogConfig;
import dev.medius.catalog.domain.Condition;
import dev.medius.catalog.domain.ContentLoad;
import dev.medius.catalog.domain.ContraindicationRule;
import dev.medius.catalog.domain.Dose;
import dev.medius.catalog.domain.Exercise;
import dev.medius.catalog.domain.ExerciseStatus;
import dev.medius.catalog.domain.ExerciseTranslation;
import dev.medius.catalog.domain.Finding;
import dev.medius.catalog.domain.MediaLink;
import dev.medius.catalog.domain.Muscle;
import dev.medius.catalog.domain.MuscleWork;
import dev.medius.catalog.domain.Source;
import dev.medius.catalog.messaging.ExerciseEvents;
import dev.medius.catalog.repository.ExerciseRepository;
import io.quarkus.runtime.StartupEvent;

/**
 * The exercise library that ships with the service: loaded into the global content at startup when the
 * file differs from what the database last loaded, so restarts and extra replicas change nothing.
 */
@ApplicationScoped
public class ContentLibrary {

    private static final Logger LOG = Logger.getLogger(ContentLibrary.class);
    private static final String NAME = "medius-library";
    /** Serialises loaders of several replicas starting together. */
    private static final long LOAD_LOCK = 0x6d656469757301L;
    public static final String AUTHOR = "medius-content";
    /** Raised when the loader reads more of each exercise, so databases loaded by an older one load again. */
    private static final String LOADER_FORMAT = "2:";

    @Inject
    CatalogConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager em;

    @Inject
    ExerciseRepository exercises;

    @Inject
    ExerciseService service;

    @Inject
    ExerciseEvents events;

    /** Tells the replica's rendered reads that content changed, once this transaction commits. */
    @Inject
    Event<CatalogChanged> changed;

    /** Read from the library the first time an export asks, so a start parses the file only to load it. */
    private volatile Map<String, String> disclaimers;

    /** The ids of shipped exercises do not depend on the database, so every environment agrees on them. */
    public static UUID exerciseId(String slug) {
        return UUID.nameUUIDFromBytes(("medius:exercise:" + slug).getBytes(StandardCharsets.UTF_8));
    }

    void onStart(@Observes StartupEvent start) throws IOException {
        if (config.loadContentAtStartup()) {
            load();
        }
    }

    /** The disclaimer in the wanted language, else English. */
    public String disclaimer(String language) {
        Map<String, String> known = disclaimers;
        if (known == null) {
            try {
                known = json.convertValue(read().path("disclaimer"), new TypeReference<Map<String, String>>() {
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            disclaimers = known;
        }
        return known.getOrDefault(language, known.get("en"));
    }

    @Transactional
    public void load() throws IOException {
        changed.fire(new CatalogChanged("shipped library loaded"));
        byte[] bytes = bytes();
        String checksum = sha256((LOADER_FORMAT + new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        em.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(:key)) AS locked").setParameter("key", LOAD_LOCK).getSingleResult();
        ContentLoad loaded = ContentLoad.findById(NAME);
        if (loaded != null && loaded.checksum.equals(checksum)) {
            return;
        }
        JsonNode content = json.readTree(bytes);
        loadSources(content.path("sources"));
        loadMuscles(content.path("muscles"));
        loadConditions(content.path("conditions"));
        em.flush();

        OffsetDateTime now = ExerciseService.now();
        List<Exercise> changed = new ArrayList<>();
        Map<String, String> actions = new LinkedHashMap<>();
        for (JsonNode node : content.path("exercises")) {
            String slug = node.path("slug").asText();
            String hash = sha256((LOADER_FORMAT + node).getBytes(StandardCharsets.UTF_8));
            Exercise exercise = exercises.findById(exerciseId(slug));
            if (exercise != null && hash.equals(exercise.contentHash)) {
                continue;
            }
            boolean created = exercise == null;
            if (created) {
                exercise = new Exercise();
                exercise.id = exerciseId(slug);
                exercise.origin = Exercise.ORIGIN_MEDIUS;
                exercise.originRef = slug;
                exercise.status = ExerciseStatus.PUBLISHED;
                exercise.revision = 1;
                exercise.createdAt = now;
                exercise.publishedAt = now;
            } else {
                exercise.revision++;
            }
            exercise.updatedAt = now;
            exercise.contentHash = hash;
            copy(node, exercise);
            if (created) {
                exercises.persist(exercise);
            }
            changed.add(exercise);
            actions.put(slug, created ? "shipped" : "content updated");
        }
        em.flush();
        // a changed exercise takes its rungs from the file alone, so a rung the file dropped goes too
        for (Exercise exercise : changed) {
            exercises.unlinkShipped(exercise.id);
        }
        // ladders are links between exercises, so they go in once every exercise exists
        for (JsonNode node : content.path("exercises")) {
            UUID id = exerciseId(node.path("slug").asText());
            for (JsonNode harder : node.path("harder")) {
                if (exercises.findById(exerciseId(harder.asText())) != null) {
                    exercises.link(id, exerciseId(harder.asText()));
                }
            }
            for (JsonNode easier : node.path("easier")) {
                if (exercises.findById(exerciseId(easier.asText())) != null) {
                    exercises.link(exerciseId(easier.asText()), id);
                }
            }
        }
        for (Exercise exercise : changed) {
            ExerciseView state = service.revise(exercise, actions.get(exercise.slug), AUTHOR);
            if (ExerciseStatus.PUBLISHED.equals(exercise.status)) {
                events.published(state);
            }
        }
        if (loaded == null) {
            loaded = new ContentLoad();
            loaded.name = NAME;
        }
        loaded.checksum = checksum;
        loaded.loadedAt = now;
        loaded.persist();
        LOG.infof("exercise library loaded: %d exercises new or changed", changed.size());
    }

    private void copy(JsonNode n, Exercise e) {
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
                    m.path("activationMvicPercent").isNumber() ? m.path("activationMvicPercent").asDouble() : null,
                    text(m.path("sourceKey"))));
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
            findings.add(new Finding(f.path("sourceKey").asText(), f.path("measure").asText(),
                    f.path("value").isNumber() ? f.path("value").asDouble() : null, text(f.path("unit")),
                    text(f.path("note"))));
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

    private void loadSources(JsonNode list) {
        for (JsonNode n : list) {
            Source source = Source.findById(n.path("key").asText());
            boolean created = source == null;
            if (created) {
                source = new Source();
                source.key = n.path("key").asText();
            }
            source.authors = text(n.path("authors"));
            source.title = n.path("title").asText();
            source.journal = text(n.path("journal"));
            source.year = integer(n.path("year"));
            source.doi = text(n.path("doi"));
            source.url = text(n.path("url"));
            if (created) {
                source.persist();
            }
        }
    }

    private void loadMuscles(JsonNode list) {
        for (JsonNode n : list) {
            Muscle muscle = Muscle.findById(n.path("slug").asText());
            boolean created = muscle == null;
            if (created) {
                muscle = new Muscle();
                muscle.slug = n.path("slug").asText();
            }
            muscle.name = n.path("name").asText();
            muscle.region = n.path("region").asText();
            muscle.location = text(n.path("location"));
            muscle.functions = strings(n.path("functions"));
            muscle.sourceKeys = strings(n.path("sourceKeys"));
            muscle.translations = json.convertValue(n.path("translations"),
                    new TypeReference<LinkedHashMap<String, Muscle.Translation>>() {
                    });
            if (muscle.translations == null) {
                muscle.translations = new LinkedHashMap<>();
            }
            if (created) {
                muscle.persist();
            }
        }
    }

    private void loadConditions(JsonNode list) {
        for (JsonNode n : list) {
            Condition condition = Condition.findById(n.path("slug").asText());
            boolean created = condition == null;
            if (created) {
                condition = new Condition();
                condition.slug = n.path("slug").asText();
            }
            condition.name = n.path("name").asText();
            condition.description = text(n.path("description"));
            condition.sourceKeys = strings(n.path("sourceKeys"));
            condition.translations = json.convertValue(n.path("translations"),
                    new TypeReference<LinkedHashMap<String, Condition.Translation>>() {
                    });
            if (condition.translations == null) {
                condition.translations = new LinkedHashMap<>();
            }
            if (created) {
                condition.persist();
            }
        }
    }

    private JsonNode read() throws IOException {
        return json.readTree(bytes());
    }

    private byte[] bytes() throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(config.contentResource())) {
            if (in == null) {
                throw new IOException("exercise library " + config.contentResource() + " is missing from the classpath");
            }
            return in.readAllBytes();
        }
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode item : array) {
            out.add(item.asText());
        }
        return out;
    }

    static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asText();
    }

    static Integer integer(JsonNode node) {
        return node == null || !node.isNumber() ? null : node.asInt();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
