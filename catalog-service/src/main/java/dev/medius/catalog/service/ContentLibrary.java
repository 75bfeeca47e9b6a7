package dev.medius.catalog.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import dev.medius.catalog.domain.Checksum;
import dev.medius.catalog.domain.ContentLoad;
import dev.medius.catalog.domain.Exercise;
import dev.medius.catalog.domain.ExerciseStatus;
import dev.medius.catalog.domain.ExerciseView;
import dev.medius.catalog.events.ExerciseEvents;
import dev.medius.catalog.repository.ExerciseRepository;
import dev.medius.catalog.repository.LadderRepository;
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
    private static final String AUTHOR = "medius-content";
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
    LadderRepository ladders;

    @Inject
    ShippedEntries entries;

    @Inject
    Revisions revisions;

    @Inject
    Clock clock;

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
        String checksum = Checksum.of((LOADER_FORMAT + new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        em.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(:key)) AS locked").setParameter("key", LOAD_LOCK).getSingleResult();
        ContentLoad loaded = ContentLoad.findById(NAME);
        if (loaded != null && loaded.checksum.equals(checksum)) {
            return;
        }
        JsonNode content = json.readTree(bytes);
        entries.saveReferenceData(content);
        em.flush();

        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Exercise> changed = new ArrayList<>();
        Map<String, String> actions = new LinkedHashMap<>();
        for (JsonNode node : content.path("exercises")) {
            String slug = node.path("slug").asText();
            String hash = Checksum.of((LOADER_FORMAT + node).getBytes(StandardCharsets.UTF_8));
            Exercise exercise = exercises.findById(exerciseId(slug));
            if (exercise != null && hash.equals(exercise.contentHash)) {
                continue;
            }
            boolean created = exercise == null;
            if (created) {
                exercise = Exercise.firstRevision(exerciseId(slug), Exercise.ORIGIN_MEDIUS, ExerciseStatus.PUBLISHED, now);
                exercise.originRef = slug;
                exercise.publishedAt = now;
            } else {
                exercise.revision++;
                exercise.updatedAt = now;
            }
            exercise.contentHash = hash;
            entries.copy(node, exercise);
            if (created) {
                exercises.persist(exercise);
            }
            changed.add(exercise);
            actions.put(slug, created ? "shipped" : "content updated");
        }
        em.flush();
        // a changed exercise takes its rungs from the file alone, so a rung the file dropped goes too
        for (Exercise exercise : changed) {
            ladders.unlinkShipped(exercise.id);
        }
        // ladders are links between exercises, so they go in once every exercise exists
        for (JsonNode node : content.path("exercises")) {
            UUID id = exerciseId(node.path("slug").asText());
            for (JsonNode harder : node.path("harder")) {
                if (exercises.findById(exerciseId(harder.asText())) != null) {
                    ladders.link(id, exerciseId(harder.asText()));
                }
            }
            for (JsonNode easier : node.path("easier")) {
                if (exercises.findById(exerciseId(easier.asText())) != null) {
                    ladders.link(exerciseId(easier.asText()), id);
                }
            }
        }
        for (Exercise exercise : changed) {
            ExerciseView state = revisions.record(exercise, actions.get(exercise.slug), AUTHOR);
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
}
