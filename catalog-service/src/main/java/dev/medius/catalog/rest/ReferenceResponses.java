package dev.medius.catalog.rest;

import java.util.List;

import dev.medius.catalog.domain.Condition;
import dev.medius.catalog.domain.Muscle;
import dev.medius.catalog.domain.Source;

/** Reference data as clients read it, in one language. */
public final class ReferenceResponses {

    private ReferenceResponses() {
    }

    /** A muscle: region, what it does, where it sits. */
    public record MuscleResponse(String slug, String language, String name, String region, String location,
            List<String> functions, List<String> sourceKeys) {

        static MuscleResponse of(Muscle m, String wanted) {
            Muscle.Translation t = m.translations.get(wanted);
            String language = t == null ? "en" : wanted;
            return new MuscleResponse(m.slug, language, t != null && t.name() != null ? t.name() : m.name, m.region,
                    t != null && t.location() != null ? t.location() : m.location,
                    t != null && t.functions() != null ? t.functions() : m.functions, m.sourceKeys);
        }
    }

    /** An injury or complaint exercises help prevent or manage. */
    public record ConditionResponse(String slug, String language, String name, String description,
            List<String> sourceKeys) {

        static ConditionResponse of(Condition c, String wanted) {
            Condition.Translation t = c.translations.get(wanted);
            String language = t == null ? "en" : wanted;
            return new ConditionResponse(c.slug, language, t != null && t.name() != null ? t.name() : c.name,
                    t != null && t.description() != null ? t.description() : c.description, c.sourceKeys);
        }
    }

    /** A publication behind the library's claims. */
    public record SourceResponse(String key, String authors, String title, String journal, Integer year, String doi,
            String url) {

        static SourceResponse of(Source s) {
            return new SourceResponse(s.key, s.authors, s.title, s.journal, s.year, s.doi, s.url);
        }
    }
}
