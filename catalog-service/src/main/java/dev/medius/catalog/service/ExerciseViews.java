package dev.medius.catalog.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.medius.catalog.domain.ContraindicationRule;
import dev.medius.catalog.domain.Dose;
import dev.medius.catalog.domain.Exercise;
import dev.medius.catalog.domain.ExerciseTranslation;
import dev.medius.catalog.domain.ExerciseView;
import dev.medius.catalog.domain.Finding;
import dev.medius.catalog.domain.MuscleWork;
import dev.medius.catalog.repository.LadderRepository;
import dev.medius.events.Prescription;

/** Builds what clients read from an exercise: its ladder neighbours by slug and, where asked, a translation. */
@ApplicationScoped
public class ExerciseViews {

    public static final String ENGLISH = "en";

    @Inject
    LadderRepository ladders;

    /** The exercise in the given language, falling back to English field by field. */
    public ExerciseView localized(Exercise exercise, String language) {
        return localized(List.of(exercise), language).get(0);
    }

    /** Exercises in the given language, in their order; the ladders of all of them are read in one query. */
    public List<ExerciseView> localized(List<Exercise> list, String language) {
        Map<UUID, LadderRepository.Neighbours> neighbours = ladders.neighboursOf(list);
        List<ExerciseView> views = new ArrayList<>(list.size());
        for (Exercise exercise : list) {
            LadderRepository.Neighbours n = neighbours.get(exercise.id);
            views.add(build(exercise, n.easier(), n.harder(), language, false));
        }
        return views;
    }

    /** The whole exercise, every translation included: for snapshots and exports. */
    public ExerciseView complete(Exercise exercise) {
        LadderRepository.Neighbours n = ladders.neighboursOf(List.of(exercise)).get(exercise.id);
        return build(exercise, n.easier(), n.harder(), ENGLISH, true);
    }

    public ExerciseView complete(Exercise exercise, List<String> easier, List<String> harder) {
        return build(exercise, easier, harder, ENGLISH, true);
    }

    /** The language a response is in: the wanted one when the exercise has it, else English. */
    public static String languageOf(Exercise exercise, String wanted) {
        return wanted != null && exercise.translations.containsKey(wanted) ? wanted : ENGLISH;
    }

    private ExerciseView build(Exercise e, List<String> easier, List<String> harder, String wanted, boolean complete) {
        String language = languageOf(e, wanted);
        ExerciseTranslation t = ENGLISH.equals(language) ? null : e.translations.get(language);
        List<ExerciseView.Muscle> muscles = new ArrayList<>();
        for (MuscleWork work : e.muscles) {
            muscles.add(new ExerciseView.Muscle(work.muscle, work.role, work.activationMvicPercent, work.sourceKey));
        }
        List<String> languages = new ArrayList<>();
        languages.add(ENGLISH);
        languages.addAll(e.translations.keySet());
        return new ExerciseView(e.id, e.tenantId, e.slug, language,
                pick(t == null ? null : t.name(), e.name),
                pick(t == null ? null : t.aliases(), e.aliases),
                pick(t == null ? null : t.summary(), e.summary),
                pick(t == null ? null : t.steps(), e.steps),
                pick(t == null ? null : t.cues(), e.cues),
                pick(t == null ? null : t.mistakes(), e.mistakes),
                e.category, e.pattern, e.level, e.mechanic, List.copyOf(e.equipment), e.laterality, prescription(e),
                muscles, e.conditions.stream().sorted().toList(),
                pick(t == null ? null : t.contraindications(), List.copyOf(e.contraindications)),
                List.copyOf(e.painAreasToAvoid), rules(e.contraindicationRules, t == null ? null : t.contraindicationNotes()),
                easier, harder, pick(t == null ? null : t.evidence(), e.evidence), List.copyOf(e.sourceKeys),
                findings(e.findings, t == null ? null : t.findingNotes()), List.copyOf(e.media), e.license, e.attribution, e.seed, e.origin, e.originRef, e.status, e.revision,
                languages, complete ? Map.copyOf(e.translations) : null, e.createdAt, e.updatedAt, e.publishedAt,
                e.retiredAt);
    }

    /** The stored dose with perSide spelled out, as plans and events read it. */
    private static Prescription prescription(Exercise e) {
        Dose d = e.prescription;
        return new Prescription(d.sets(), d.repsMin(), d.repsMax(), d.holdSeconds(), d.restSeconds(), d.tempo(),
                d.bandPlacement(), "per-side".equals(e.laterality));
    }

    /** The rules with their notes in the translation's words where it has one for each rule. */
    private static List<ContraindicationRule> rules(List<ContraindicationRule> rules, List<String> notes) {
        boolean translated = notes != null && notes.size() == rules.size();
        List<ContraindicationRule> out = new ArrayList<>(rules.size());
        for (int i = 0; i < rules.size(); i++) {
            ContraindicationRule r = rules.get(i);
            out.add(translated ? new ContraindicationRule(r.area(), r.acuity(), r.position(), notes.get(i)) : r);
        }
        return out;
    }

    private static List<Finding> findings(List<Finding> findings, List<String> notes) {
        boolean translated = notes != null && notes.size() == findings.size();
        List<Finding> out = new ArrayList<>(findings.size());
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            out.add(translated ? new Finding(f.sourceKey(), f.measure(), f.value(), f.unit(), notes.get(i)) : f);
        }
        return out;
    }

    private static <T> T pick(T translated, T english) {
        return translated != null ? translated : english;
    }
}
