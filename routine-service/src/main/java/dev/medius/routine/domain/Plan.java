package dev.medius.routine.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A training plan: weeks of dated sessions, each made of blocks of prescribed exercises. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Plan(String title, LocalDate startDate, List<Week> weeks, List<String> notes, List<String> safety,
        Limits limits) {

    public Plan {
        weeks = weeks == null ? List.of() : List.copyOf(weeks);
        notes = notes == null ? List.of() : List.copyOf(notes);
        safety = safety == null ? List.of() : List.copyOf(safety);
    }

    /**
     * What a generated plan was built for, which adaptation keeps to: the level's ceiling, the session's
     * minutes, the athlete's equipment and pain. A hand-made plan has none.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Limits(String level, int minutesPerSession, List<String> equipment, List<AthleteProfile.Pain> pain,
            String language) {
        public Limits {
            equipment = equipment == null ? List.of() : List.copyOf(equipment);
            pain = pain == null ? List.of() : List.copyOf(pain);
        }

        public static Limits of(AthleteProfile profile, String language) {
            return new Limits(profile.level().label(), profile.minutesPerSession(),
                    profile.equipment().stream().sorted().toList(), profile.pain(), language);
        }
    }

    /** Every session of the plan in date order. */
    public Stream<Session> sessions() {
        return weeks.stream().flatMap(week -> week.sessions().stream());
    }

    /** One week; a deload week is deliberately lighter. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Week(int number, boolean deload, List<Session> sessions) {
        public Week {
            sessions = sessions == null ? List.of() : List.copyOf(sessions);
        }
    }

    /** A session due {@code dayOffset} days after the plan starts. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Session(int week, int dayOffset, LocalDate date, String title, double estimatedMinutes,
            List<Block> blocks) {
        public Session {
            blocks = blocks == null ? List.of() : List.copyOf(blocks);
        }

        public Stream<Item> items() {
            return blocks.stream().flatMap(block -> block.items().stream());
        }

        /** The same session due on {@code date}. */
        public Session withDate(LocalDate date) {
            return new Session(week, dayOffset, date, title, estimatedMinutes, blocks);
        }

        /** The session with other blocks, its minutes estimated again. */
        public Session withBlocks(List<Block> changed) {
            return new Session(week, dayOffset, date, title,
                    SessionTime.minutes(changed.stream().flatMap(block -> block.items().stream()).toList()), changed);
        }
    }

    /** A part of a session: activation warm-up, strength or stability. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Block(String kind, List<Item> items) {
        public Block {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    /**
     * One prescribed exercise: {@code sets} of {@code targetReps} (within {@code repsMin}–{@code repsMax}) or of
     * {@code holdSeconds} holds, per side when {@code perSide}, with rest, tempo, band or load guidance, the effort
     * to aim for, why it is there, and how much pain is acceptable while doing it ({@code painMonitoring}).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Item(String exerciseId, String slug, String name, String pattern, List<String> muscles, int sets,
            Integer repsMin, Integer repsMax, Integer targetReps, Integer holdSeconds, boolean perSide,
            Integer restSeconds, String tempo, String bandPlacement, String bandResistance, String loadGuidance,
            Double targetRpe, String rationale, List<String> sourceKeys, String adjustment,
            double estimatedMinutes, String painMonitoring) {

        public Item {
            muscles = muscles == null ? List.of() : List.copyOf(muscles);
            sourceKeys = sourceKeys == null ? List.of() : List.copyOf(sourceKeys);
        }

        /** The dose as the event contract writes it. */
        public dev.medius.events.Prescription prescription() {
            return new dev.medius.events.Prescription(sets, repsMin, repsMax, holdSeconds, restSeconds, tempo,
                    bandPlacement, perSide);
        }

        public Item withDose(int sets, Integer targetReps, Integer holdSeconds, String bandResistance,
                String adjustment) {
            Draft draft = new Draft(this);
            draft.sets = sets;
            draft.targetReps = targetReps;
            draft.holdSeconds = holdSeconds;
            draft.bandResistance = bandResistance;
            draft.adjustment = adjustment;
            draft.estimatedMinutes = SessionTime.minutes(draft.item());
            return draft.item();
        }

        public Item withEstimatedMinutes(double minutes) {
            return copy(item -> item.estimatedMinutes = minutes);
        }

        public Item withPainMonitoring(String rule) {
            return copy(item -> item.painMonitoring = rule);
        }

        public Item withLoadGuidance(String guidance) {
            return copy(item -> item.loadGuidance = guidance);
        }

        public Item withTargetRpe(Double rpe) {
            return copy(item -> item.targetRpe = rpe);
        }

        private Item copy(Consumer<Draft> change) {
            Draft draft = new Draft(this);
            change.accept(draft);
            return draft.item();
        }

        /** Work done, counted as repetitions or seconds held, both sides: what must not fall outside a deload. */
        public int volume() {
            int perSet = targetReps != null ? targetReps : holdSeconds != null ? holdSeconds : 0;
            return sets * perSet * (perSide ? 2 : 1);
        }
    }

    /** An item's fields while a wither changes some of them: the one place that copies an item field by field. */
    private static final class Draft {
        String exerciseId, slug, name, pattern, tempo, bandPlacement, bandResistance, loadGuidance, rationale,
                adjustment, painMonitoring;
        List<String> muscles, sourceKeys;
        int sets;
        Integer repsMin, repsMax, targetReps, holdSeconds, restSeconds;
        boolean perSide;
        Double targetRpe;
        double estimatedMinutes;

        Draft(Item item) {
            exerciseId = item.exerciseId;
            slug = item.slug;
            name = item.name;
            pattern = item.pattern;
            muscles = item.muscles;
            sets = item.sets;
            repsMin = item.repsMin;
            repsMax = item.repsMax;
            targetReps = item.targetReps;
            holdSeconds = item.holdSeconds;
            perSide = item.perSide;
            restSeconds = item.restSeconds;
            tempo = item.tempo;
            bandPlacement = item.bandPlacement;
            bandResistance = item.bandResistance;
            loadGuidance = item.loadGuidance;
            targetRpe = item.targetRpe;
            rationale = item.rationale;
            sourceKeys = item.sourceKeys;
            adjustment = item.adjustment;
            estimatedMinutes = item.estimatedMinutes;
            painMonitoring = item.painMonitoring;
        }

        Item item() {
            return new Item(exerciseId, slug, name, pattern, muscles, sets, repsMin, repsMax, targetReps, holdSeconds,
                    perSide, restSeconds, tempo, bandPlacement, bandResistance, loadGuidance, targetRpe, rationale,
                    sourceKeys, adjustment, estimatedMinutes, painMonitoring);
        }
    }
}
