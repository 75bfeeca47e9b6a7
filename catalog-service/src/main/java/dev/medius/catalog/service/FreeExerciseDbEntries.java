package dev.medius.catalog.service;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import dev.medius.catalog.config.CatalogConfig;
import dev.medius.catalog.domain.Dose;
import dev.medius.catalog.domain.Exercise;
import dev.medius.catalog.domain.MediaLink;
import dev.medius.catalog.domain.MuscleWork;

/**
 * The free-exercise-db format read as Medius content: which entries can be imported, and how their levels,
 * categories, equipment and muscles map onto ours, with defaults where the format says nothing.
 */
@ApplicationScoped
public class FreeExerciseDbEntries {

    private static final String LICENSE = "Unlicense (public domain)";
    private static final String ATTRIBUTION = "free-exercise-db (github.com/yuhonas/free-exercise-db), public domain";

    private static final Set<String> LEVELS = Set.of("beginner", "intermediate", "expert");
    private static final Set<String> CATEGORIES = Set.of("powerlifting", "strength", "stretching", "cardio",
            "olympic weightlifting", "strongman", "plyometrics");
    private static final Set<String> MECHANICS = Set.of("isolation", "compound");
    private static final Map<String, String> EQUIPMENT = Map.ofEntries(Map.entry("medicine ball", "medicine-ball"),
            Map.entry("dumbbell", "dumbbell"), Map.entry("body only", ""), Map.entry("bands", "long-band"),
            Map.entry("kettlebells", "kettlebell"), Map.entry("foam roll", "foam-roller"), Map.entry("cable", "cable"),
            Map.entry("machine", "machine"), Map.entry("barbell", "barbell"), Map.entry("exercise ball", "stability-ball"),
            Map.entry("e-z curl bar", "ez-bar"), Map.entry("other", "other"));
    /** Their muscle groups and ours; "abductors" are mostly the gluteus medius, which they do not name. */
    private static final Map<String, String> MUSCLES = Map.ofEntries(Map.entry("abdominals", "rectus-abdominis"),
            Map.entry("abductors", "gluteus-medius"), Map.entry("adductors", "adductors"), Map.entry("biceps", "biceps"),
            Map.entry("calves", "calves"), Map.entry("chest", "pectorals"), Map.entry("forearms", "forearms"),
            Map.entry("glutes", "gluteus-maximus"), Map.entry("hamstrings", "hamstrings"),
            Map.entry("lats", "latissimus-dorsi"), Map.entry("lower back", "erector-spinae"),
            Map.entry("middle back", "upper-back"), Map.entry("neck", "neck"), Map.entry("quadriceps", "quadriceps"),
            Map.entry("shoulders", "deltoids"), Map.entry("traps", "trapezius"), Map.entry("triceps", "triceps"));
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("^[0-9a-zA-Z_-]+$");

    @Inject
    CatalogConfig config;

    /** The first thing wrong with an entry, or null when it can be imported. */
    static ImportReport.Rejection check(int index, String id, JsonNode entry) {
        if (!entry.isObject()) {
            return new ImportReport.Rejection(index, null, "", "not a JSON object");
        }
        if (id == null || !ID.matcher(id).matches() || id.length() > 200) {
            return new ImportReport.Rejection(index, id, "id", "missing or not letters, digits, '_' and '-'");
        }
        String name = entry.path("name").isTextual() ? entry.path("name").asText().strip() : "";
        if (name.isEmpty() || name.length() > 200 || slugOf(name).isEmpty()) {
            return new ImportReport.Rejection(index, id, "name", "missing, empty or longer than 200 characters");
        }
        if (!LEVELS.contains(entry.path("level").asText(""))) {
            return new ImportReport.Rejection(index, id, "level", "must be one of " + LEVELS);
        }
        if (!CATEGORIES.contains(entry.path("category").asText(""))) {
            return new ImportReport.Rejection(index, id, "category", "must be one of " + CATEGORIES);
        }
        JsonNode equipment = entry.path("equipment");
        if (!equipment.isMissingNode() && !equipment.isNull() && !EQUIPMENT.containsKey(equipment.asText())) {
            return new ImportReport.Rejection(index, id, "equipment", "unknown equipment '" + equipment.asText() + "'");
        }
        JsonNode mechanic = entry.path("mechanic");
        if (!mechanic.isMissingNode() && !mechanic.isNull() && !MECHANICS.contains(mechanic.asText())) {
            return new ImportReport.Rejection(index, id, "mechanic", "must be isolation, compound or null");
        }
        for (String field : List.of("primaryMuscles", "secondaryMuscles")) {
            JsonNode muscles = entry.path(field);
            if (!muscles.isMissingNode() && !muscles.isArray()) {
                return new ImportReport.Rejection(index, id, field, "must be an array");
            }
            for (int i = 0; i < muscles.size(); i++) {
                if (!MUSCLES.containsKey(muscles.get(i).asText())) {
                    return new ImportReport.Rejection(index, id, field + "[" + i + "]",
                            "unknown muscle '" + muscles.get(i).asText() + "'");
                }
            }
        }
        for (String field : List.of("instructions", "images")) {
            JsonNode list = entry.path(field);
            if (!list.isMissingNode() && !list.isArray()) {
                return new ImportReport.Rejection(index, id, field, "must be an array of strings");
            }
            for (int i = 0; i < list.size(); i++) {
                if (!list.get(i).isTextual()) {
                    return new ImportReport.Rejection(index, id, field + "[" + i + "]", "must be a string");
                }
            }
        }
        return null;
    }

    void map(JsonNode entry, Exercise e, Set<String> defaults, Map<String, Integer> mapped,
            Map<String, Integer> unmapped) {
        String name = entry.path("name").asText().strip();
        String category = entry.path("category").asText();
        e.name = name;
        e.aliases = new ArrayList<>();
        e.summary = null;
        e.steps = new ArrayList<>();
        for (JsonNode step : entry.path("instructions")) {
            if (!step.asText().isBlank()) {
                e.steps.add(step.asText().strip());
            }
        }
        if (e.steps.isEmpty()) {
            defaults.add("instructions");
        }
        e.category = "stretching".equals(category) ? "mobility" : "strength";
        e.level = "expert".equals(entry.path("level").asText()) ? "advanced" : entry.path("level").asText();
        e.mechanic = entry.path("mechanic").isTextual() ? entry.path("mechanic").asText() : null;
        if (e.mechanic == null) {
            defaults.add("mechanic");
        }
        JsonNode equipment = entry.path("equipment");
        e.equipment = new ArrayList<>();
        if (equipment.isTextual()) {
            String ours = EQUIPMENT.get(equipment.asText());
            if (!ours.isEmpty()) {
                e.equipment.add(ours);
            }
        } else {
            defaults.add("equipment");
        }
        e.pattern = patternOf(name, category, entry.path("force").asText(null), defaults);
        if ("other".equals(e.pattern) || "push".equals(e.pattern) || "pull".equals(e.pattern)) {
            // an exercise whose main work is the abductors is hip abduction, whatever it is called
            for (JsonNode muscle : entry.path("primaryMuscles")) {
                if ("abductors".equals(muscle.asText())) {
                    e.pattern = "hip-abduction";
                    defaults.remove("pattern");
                }
            }
        }
        String lower = name.toLowerCase(Locale.ROOT);
        e.laterality = lower.matches(".*\\b(single|one)[- ](leg|arm)\\b.*") || lower.contains("alternat")
                || lower.contains("unilateral") ? "per-side" : "bilateral";
        defaults.add("laterality");
        e.prescription = "mobility".equals(e.category) ? new Dose(2, null, null, 30, 30, null, null)
                : "plyometrics".equals(category) ? new Dose(3, 5, 8, null, 90, null, null)
                        : new Dose(3, 8, 12, null, 90, null, null);
        defaults.add("prescription");
        List<MuscleWork> muscles = new ArrayList<>();
        Set<String> taken = new LinkedHashSet<>();
        addMuscles(entry.path("primaryMuscles"), MuscleWork.PRIMARY, muscles, taken, mapped, unmapped);
        addMuscles(entry.path("secondaryMuscles"), MuscleWork.SECONDARY, muscles, taken, mapped, unmapped);
        if (muscles.isEmpty()) {
            defaults.add("muscles");
        }
        if (!muscles.equals(e.muscles)) {
            e.muscles.clear();
            e.muscles.addAll(muscles);
        }
        e.media = new ArrayList<>();
        for (JsonNode image : entry.path("images")) {
            e.media.add(new MediaLink("image", config.freeExerciseDbImageBase() + image.asText(), name));
        }
        e.license = LICENSE;
        e.attribution = ATTRIBUTION;
        e.refreshNamesText();
    }

    private static void addMuscles(JsonNode list, String role, List<MuscleWork> out, Set<String> taken,
            Map<String, Integer> mapped, Map<String, Integer> unmapped) {
        for (JsonNode item : list) {
            String ours = MUSCLES.get(item.asText());
            if (ours == null) {
                unmapped.merge(item.asText(), 1, Integer::sum);
            } else if (taken.add(ours)) {
                mapped.merge(item.asText() + " -> " + ours, 1, Integer::sum);
                out.add(new MuscleWork(ours, role, null, null));
            }
        }
    }

    /** free-exercise-db has no movement pattern: read it from the name, else from the force. */
    static String patternOf(String name, String category, String force, Set<String> defaults) {
        String n = name.toLowerCase(Locale.ROOT);
        if ("stretching".equals(category)) {
            return "stretch";
        }
        String[][] rules = {
                { "abduct", "hip-abduction" }, { "adduct", "hip-adduction" }, { "step-up", "step" },
                { "step up", "step" }, { "lunge", "lunge" }, { "split squat", "lunge" }, { "squat", "squat" },
                { "deadlift", "hinge" }, { "good morning", "hinge" }, { "romanian", "hinge" },
                { "hip thrust", "bridge" }, { "bridge", "bridge" }, { "hip lift", "bridge" }, { "plank", "plank" },
                { "calf", "calf-raise" }, { "carry", "carry" }, { "farmer", "carry" }, { "walk", "carry" },
                { "crunch", "trunk-flexion" }, { "sit-up", "trunk-flexion" }, { "twist", "rotation" },
                { "row", "pull" }, { "pull", "pull" }, { "chin", "pull" }, { "press", "push" }, { "push", "push" },
                { "dip", "push" }, { "curl", "elbow-flexion" }, { "extension", "extension" }, { "jump", "jump" } };
        for (String[] rule : rules) {
            if (n.contains(rule[0])) {
                return rule[1];
            }
        }
        defaults.add("pattern");
        return switch (force == null ? "" : force) {
            case "push" -> "push";
            case "pull" -> "pull";
            case "static" -> "isometric";
            default -> "other";
        };
    }

    static String slugOf(String name) {
        String slug = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.length() > 110 ? slug.substring(0, 110).replaceAll("-+$", "") : slug;
    }
}
