package dev.medius.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.medius.devkit.security.DevTokens;

/** Tokens and request bodies shared by the catalog tests; every call makes names no other test uses. */
final class CatalogFixtures {

    private CatalogFixtures() {
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String reader(String tenant) {
        return DevTokens.mint(unique("coach"), tenant, "coach");
    }

    static String athlete(String tenant) {
        return DevTokens.mint(unique("athlete"), tenant, "athlete");
    }

    static String editor(String tenant) {
        return DevTokens.mint(unique("editor"), tenant, "editor");
    }

    static String admin(String tenant) {
        return DevTokens.mint(unique("admin"), tenant, "admin");
    }

    /** A valid custom exercise: a banded hip abduction variation, easier than the lateral band walk. */
    static Map<String, Object> customExercise(String slug) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("slug", slug);
        body.put("name", "Custom hip drill " + slug);
        body.put("aliases", List.of("club drill " + slug));
        body.put("summary", "A club's own warm-up drill for the outer hip.");
        body.put("steps", List.of("Stand tall with a band above the knees.", "Push one knee out and back."));
        body.put("cues", List.of("Keep the pelvis level."));
        body.put("mistakes", List.of("Leaning the trunk."));
        body.put("category", "activation");
        body.put("pattern", "hip-abduction");
        body.put("level", "beginner");
        body.put("equipment", List.of("mini-band"));
        body.put("laterality", "per-side");
        body.put("prescription", new LinkedHashMap<>(Map.of("sets", 2, "repsMin", 10, "repsMax", 15, "restSeconds", 30,
                "bandPlacement", "knees")));
        List<Map<String, Object>> muscles = new ArrayList<>();
        muscles.add(new LinkedHashMap<>(Map.of("muscle", "gluteus-medius", "role", "primary")));
        body.put("muscles", muscles);
        body.put("conditions", List.of("patellofemoral-pain"));
        body.put("contraindications", List.of("acute hip pain"));
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("area", "hip");
        rule.put("acuity", "acute");
        rule.put("position", "single-leg-loading");
        rule.put("note", "acute hip pain");
        body.put("contraindicationRules", new ArrayList<>(List.of(rule)));
        body.put("painAreasToAvoid", List.of("lateral-hip"));
        body.put("harder", List.of("lateral-band-walk"));
        body.put("sourceKeys", List.of("lewis-2019"));
        body.put("license", "CC-BY-4.0");
        body.put("attribution", "Test club");
        return body;
    }
}
