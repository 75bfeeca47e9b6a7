package dev.medius.catalog.service;

import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.medius.catalog.domain.Exercise;
import dev.medius.catalog.domain.ExerciseView;
import dev.medius.runtime.json.KeptAnswers;
import dev.medius.runtime.security.Caller;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;

/**
 * Search pages and single exercises as clients read them, rendered as JSON once. Content changes rarely and is
 * read by every athlete's app and every plan, so answers to callers who see no drafts are kept in this replica
 * (cache {@value #CACHE}) until a write here commits, which drops them all, or they expire, which bounds how
 * long another replica's write takes to show. Editors and admins always read the database: they write, and
 * must see their own change on any replica at once.
 */
@ApplicationScoped
public class ExerciseReads {

    public static final String CACHE = "catalog-reads";

    @Inject
    ExerciseService exercises;

    @Inject
    ExerciseViews views;

    @Inject
    ObjectMapper json;

    @CacheName(CACHE)
    Cache cache;

    /** An exercise as rendered for one language, with its version tag. */
    public record Rendered(String etag, String language, byte[] body) {
    }

    /**
     * Everything an answer depends on. The search holds no tenant: the tenant and the language are part of the
     * key so that no two organisations or languages share an answer.
     */
    private record PageKey(String tenant, String language, ExerciseSearch search) {
    }

    private record ExerciseKey(String tenant, String language, String idOrSlug) {
    }

    /** A page of the search as JSON, in the given language. */
    public byte[] page(ExerciseSearch search, String language, Caller caller) {
        return read(caller, new PageKey(caller.tenant(), language, search), () -> {
            ExerciseService.Found found = exercises.search(search, caller);
            List<ExerciseView> items = views.localized(found.items(), language);
            int size = search.size();
            return write(new ExercisePage(items, search.page(), size, found.total(), (found.total() + size - 1) / size));
        });
    }

    /** One exercise as JSON, in the wanted language where it has it. */
    public Rendered exercise(String idOrSlug, String wanted, Caller caller) {
        return read(caller, new ExerciseKey(caller.tenant(), wanted, idOrSlug), () -> {
            Exercise exercise = exercises.get(idOrSlug, caller);
            String language = ExerciseViews.languageOf(exercise, wanted);
            return new Rendered(etag(exercise), language, write(views.localized(exercise, language)));
        });
    }

    /** Weak, because the language of the body may vary while the content revision stays the same. */
    public static String etag(Exercise exercise) {
        return "W/\"" + exercise.id + "-" + exercise.revision + "\"";
    }

    private <T> T read(Caller caller, Object key, Supplier<T> read) {
        if (ExerciseService.canEdit(caller)) {
            return read.get();
        }
        // readers of a key that is being read wait for that answer; a failure (a 404) is passed on, not kept
        return cache.get(key, k -> read.get()).await().indefinitely();
    }

    private byte[] write(Object answer) {
        return KeptAnswers.write(json, answer);
    }

    /** After a write has committed, the next read of this replica goes to the database. */
    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) CatalogChanged change) {
        cache.invalidateAll().await().indefinitely();
    }
}
