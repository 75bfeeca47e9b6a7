package dev.medius.routine.domain;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.text.similarity.LevenshteinDistance;

import dev.medius.events.Vocabulary;

/**
 * The closed vocabularies of an athlete profile: each canonical value with its English and Spanish
 * label and the everyday words that mean it. A word that is neither a value nor a synonym is refused,
 * never guessed: a misspelt pain area must not quietly become no pain at all.
 */
public final class Terms {

    /** A vocabulary, named as the profile field that uses it. */
    public enum Kind {
        LEVEL("level"), SPORT("sport"), GOAL("goals"), EQUIPMENT("equipment"), PAIN_AREA("pain.area"),
        ONSET("pain.onset"), RED_FLAG("redFlags");

        private final String field;

        Kind(String field) {
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** One accepted value, its labels by language and the words that mean the same. */
    public record Term(String value, String en, String es, List<String> synonyms) {

        public String label(String language) {
            return "es".equals(language) ? es : en;
        }
    }

    /** A misspelling is at most this many edits (insertions, deletions, substitutions) from an accepted word. */
    private static final int TYPO_EDITS = 2;
    private static final LevenshteinDistance[] WITHIN = { new LevenshteinDistance(0), new LevenshteinDistance(1),
            new LevenshteinDistance(2) };
    private static final Map<Kind, List<Term>> TERMS = new LinkedHashMap<>();
    /** Every accepted word, normalised, to the canonical values it stands for ("bands" stands for two). */
    private static final Map<Kind, Map<String, List<String>>> WORDS = new LinkedHashMap<>();

    static {
        define(Kind.LEVEL,
                term("beginner", "Beginner", "Principiante", "novice", "new", "untrained", "starter", "principiante", "novato"),
                term("intermediate", "Intermediate", "Intermedio", "intermedio", "some experience"),
                term("advanced", "Advanced", "Avanzado", "expert", "experienced", "trained", "avanzado", "experto"));
        define(Kind.SPORT,
                term("general", "General fitness", "Forma física general", "fitness", "none", "other", "gym", "general"),
                term("running", "Running", "Carrera", "run", "runner", "jogging", "trail running", "correr", "carrera", "atletismo"),
                term("cycling", "Cycling", "Ciclismo", "bike", "biking", "cyclist", "bicycle", "ciclismo", "bici"),
                term("soccer", "Football (soccer)", "Fútbol", "football", "futbol", "fútbol", "futsal"),
                term("desk-bound", "Desk-bound work", "Trabajo sedentario", "desk", "office", "office work", "sedentary",
                        "sitting", "sedentario", "oficina"));
        define(Kind.GOAL,
                term("knee", "Knee injury prevention", "Prevención de lesiones de rodilla", "knees", "knee injury",
                        "knee pain", "rodilla"),
                term("acl", "ACL injury prevention", "Prevención de lesión del ligamento cruzado anterior (LCA)",
                        "acl injury", "anterior cruciate ligament", "cruciate", "lca"),
                term("patellofemoral", "Patellofemoral pain", "Dolor femoropatelar", "patellofemoral pain", "pfp", "pfps",
                        "runner's knee", "runners knee", "femoropatelar"),
                term("ankle", "Ankle injury prevention", "Prevención de lesiones de tobillo", "ankles", "ankle sprain",
                        "sprain", "tobillo"),
                term("low-back", "Low back pain", "Dolor lumbar", "lower back", "back", "back pain", "low back pain",
                        "lumbar", "lumbago", "espalda"),
                term("glute-activation", "Glute activation", "Activación de glúteos", "glutes", "glute", "gluteal amnesia",
                        "activation", "gluteos", "glúteos"),
                term("hip", "Hip health", "Salud de la cadera", "hips", "hip pain", "cadera"),
                term("groin", "Groin injury prevention", "Prevención de lesiones de ingle", "groin injury", "adductors",
                        "adductor", "pubalgia", "ingle"),
                term("hamstring", "Hamstring strain prevention", "Prevención de roturas de isquiotibiales", "hamstrings",
                        "hamstring strain", "isquiotibiales"));
        define(Kind.EQUIPMENT,
                term("bodyweight", "Bodyweight", "Peso corporal", "none", "nothing", "body weight", "bodyweight only",
                        "no equipment", "peso corporal", "floor"),
                term("mini-band", "Mini band", "Minibanda", "mini band", "loop band", "hip band", "booty band", "minibanda",
                        "mini bands"),
                term("long-band", "Long resistance band", "Banda elástica larga", "long band", "resistance band",
                        "theraband", "tube", "tubing", "banda larga", "goma"),
                term("dumbbell", "Dumbbell", "Mancuerna", "dumbbells", "db", "dbs", "mancuerna", "mancuernas", "free weights"),
                term("kettlebell", "Kettlebell", "Pesa rusa", "kettlebells", "kb", "pesa rusa", "pesas rusas"),
                term("cable", "Cable machine", "Polea", "cables", "pulley", "polea"),
                term("machine", "Machines", "Máquinas", "machines", "maquina", "máquina", "maquinas", "máquinas"),
                term("bench", "Bench", "Banco", "benches", "banco", "sofa", "chair"),
                term("step", "Step or box", "Escalón o cajón", "box", "stairs", "stair", "step box", "escalon", "escalón",
                        "cajon", "cajón"),
                term("mat", "Mat", "Esterilla", "yoga mat", "exercise mat", "esterilla", "colchoneta", "towel"),
                term("wall", "Wall", "Pared", "pared"),
                term("anchor", "Heel anchor or partner", "Anclaje para los talones o compañero", "partner", "heel anchor",
                        "nordic bench", "companero", "compañero", "anclaje"),
                term("barbell", "Barbell", "Barra", "barbells", "bar", "barra"),
                term("medicine-ball", "Medicine ball", "Balón medicinal", "medicine ball", "med ball", "balon medicinal"),
                term("foam-roller", "Foam roller", "Rodillo de espuma", "foam roller", "foam roll", "roller"),
                term("stability-ball", "Stability ball", "Fitball", "stability ball", "exercise ball", "swiss ball", "fitball"),
                term("ez-bar", "EZ bar", "Barra Z", "ez bar", "curl bar", "e-z curl bar"),
                term("other", "Other", "Otro", "otro"));
        define(Kind.PAIN_AREA,
                term("low-back", "Low back", "Zona lumbar", "lower back", "back", "lumbar", "lumbago", "espalda",
                        "espalda baja", "zona lumbar"),
                term("hip", "Hip", "Cadera", "hips", "cadera", "hip joint"),
                term("lateral-hip", "Outer hip (gluteal tendon)", "Cara lateral de la cadera (tendón glúteo)", "outer hip",
                        "side of the hip", "lateral hip pain", "gluteal tendinopathy", "trochanteric", "trochanteric bursitis",
                        "greater trochanter", "cadera lateral"),
                term("groin", "Groin", "Ingle", "adductor", "adductors", "inner thigh", "pubalgia", "ingle", "aductores"),
                term("hamstring", "Hamstring", "Isquiotibiales", "hamstrings", "back of the thigh", "posterior thigh",
                        "isquiotibiales", "isquios"),
                term("knee", "Knee", "Rodilla", "knees", "kneecap", "patella", "rodilla", "rodillas"),
                term("ankle", "Ankle", "Tobillo", "ankles", "tobillo", "tobillos"),
                term("achilles", "Achilles tendon", "Tendón de Aquiles", "achilles tendon", "heel cord", "aquiles"),
                term("shoulder", "Shoulder", "Hombro", "shoulders", "hombro", "hombros"),
                term("wrist", "Wrist", "Muñeca", "wrists", "muneca", "muñeca", "muñecas"),
                term("neck", "Neck", "Cuello", "cervical", "cuello"));
        define(Kind.ONSET,
                term("acute", "Acute (under 6 weeks)", "Agudo (menos de 6 semanas)", "recent", "new", "agudo", "reciente"),
                term("persistent", "Persistent (6 weeks or more)", "Persistente (6 semanas o más)", "chronic", "ongoing",
                        "long-standing", "longstanding", "persistente", "cronico", "crónico"),
                term("history", "History (settled now)", "Antecedente (ya resuelto)", "past", "previous", "old", "healed",
                        "settled", "antecedente", "pasado"));
        define(Kind.RED_FLAG,
                term("swelling-after-trauma", "Swelling after a fall, twist or blow", "Hinchazón tras un golpe, caída o torsión",
                        "swelling", "rapid swelling"),
                term("giving-way", "The knee or ankle gives way", "La rodilla o el tobillo fallan", "knee giving way",
                        "instability", "buckling"),
                term("locking", "The knee locks", "La rodilla se bloquea", "knee locking", "locked knee"),
                term("unable-to-bear-weight", "Cannot bear weight", "No puede apoyar el peso", "cannot bear weight",
                        "can't walk", "cannot walk"),
                term("night-pain", "Pain at night that does not ease", "Dolor nocturno que no cede", "pain at night"),
                term("numbness-or-tingling", "Numbness or tingling", "Entumecimiento u hormigueo", "numbness", "tingling",
                        "pins and needles"),
                term("saddle-numbness", "Numbness around the groin or buttocks", "Entumecimiento en la zona perineal",
                        "saddle anaesthesia", "saddle anesthesia"),
                term("bladder-or-bowel-change", "Bladder or bowel changes", "Cambios en la vejiga o el intestino",
                        "bladder change", "bowel change", "incontinence"),
                term("unexplained-weight-loss", "Unexplained weight loss", "Pérdida de peso sin explicación",
                        "weight loss"),
                term("progressive-weakness", "Weakness that is getting worse", "Debilidad que empeora",
                        "progressive neurological signs", "weakness"),
                term("fever-or-unwell", "Fever or feeling unwell with the pain", "Fiebre o malestar general con el dolor",
                        "fever"));
        check(Kind.LEVEL, Vocabulary.LEVELS);
        check(Kind.EQUIPMENT, Vocabulary.EQUIPMENT);
        check(Kind.PAIN_AREA, Vocabulary.PAIN_AREAS);
        check(Kind.ONSET, Vocabulary.ONSETS);
    }

    private Terms() {
    }

    /** The canonical values a word stands for, or an empty list when it is not in the vocabulary. */
    public static List<String> canonical(Kind kind, String word) {
        return word == null ? List.of() : WORDS.get(kind).getOrDefault(normalise(word), List.of());
    }

    public static List<Term> terms(Kind kind) {
        return TERMS.get(kind);
    }

    public static List<String> values(Kind kind) {
        return TERMS.get(kind).stream().map(Term::value).toList();
    }

    /** The accepted value nearest to a misspelt word (at most two edits away), to suggest, never to apply. */
    public static String nearest(Kind kind, String word) {
        String normalised = normalise(word);
        String best = null;
        int bestDistance = TYPO_EDITS + 1;
        for (String candidate : WORDS.get(kind).keySet()) {
            if (bestDistance == 0) {
                break;
            }
            // -1 unless the candidate is closer than the best so far
            int distance = WITHIN[bestDistance - 1].apply(normalised, candidate);
            if (distance >= 0) {
                bestDistance = distance;
                best = WORDS.get(kind).get(candidate).get(0);
            }
        }
        return best;
    }

    /** Lower case, no accents, words joined by single hyphens: "Lower  Back" and "lower_back" are "lower-back". */
    static String normalise(String word) {
        String plain = Normalizer.normalize(word.trim().toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return plain.replaceAll("[^a-z0-9']+", "-").replaceAll("^-+|-+$", "");
    }

    private static Term term(String value, String en, String es, String... synonyms) {
        return new Term(value, en, es, List.of(synonyms));
    }

    private static void define(Kind kind, Term... terms) {
        TERMS.put(kind, List.of(terms));
        Map<String, List<String>> words = new LinkedHashMap<>();
        for (Term term : terms) {
            words.put(normalise(term.value()), List.of(term.value()));
        }
        for (Term term : terms) {
            for (String synonym : term.synonyms()) {
                // a canonical value always wins over another term's synonym
                words.putIfAbsent(normalise(synonym), List.of(term.value()));
            }
        }
        if (kind == Kind.EQUIPMENT) {
            words.put("bands", List.of("mini-band", "long-band"));
            words.put("band", List.of("mini-band", "long-band"));
            words.put("elastic-bands", List.of("mini-band", "long-band"));
            words.put("gomas", List.of("mini-band", "long-band"));
        }
        WORDS.put(kind, words);
    }

    private static void check(Kind kind, List<String> contract) {
        if (!values(kind).equals(contract) && !new HashSet<>(values(kind)).equals(new HashSet<>(contract))) {
            throw new IllegalStateException(kind + " terms differ from the event contract's vocabulary");
        }
    }
}
