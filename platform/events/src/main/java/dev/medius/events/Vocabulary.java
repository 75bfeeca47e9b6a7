package dev.medius.events;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The closed vocabularies the services and the event contract share. Catalog content, athlete
 * profiles and events use only these canonical values; synonyms and labels are each API's concern.
 */
public final class Vocabulary {

    /** Body areas an athlete can report pain in and a contraindication can name. */
    public static final List<String> PAIN_AREAS = List.of("low-back", "hip", "lateral-hip", "groin", "hamstring",
            "knee", "ankle", "achilles", "shoulder", "wrist", "neck");

    /** A narrower area whose pain also counts as pain of the wider one (and the other way round). */
    public static final Map<String, String> WIDER_AREA = Map.of("lateral-hip", "hip", "groin", "hip",
            "achilles", "ankle");

    /** How long a pain has lasted: under six weeks, six weeks or more, or settled (a past problem). */
    public static final List<String> ONSETS = List.of("acute", "persistent", "history");

    /**
     * When a contraindication applies: {@code acute} to acute pain only, {@code current} to acute and
     * persistent pain, {@code any} also to a history of pain in the area.
     */
    public static final List<String> ACUITIES = List.of("acute", "current", "any");

    /** Positions and loads that a contraindication names as the reason an area is at risk. */
    public static final List<String> POSITIONS = List.of("lying-on-side", "hip-adduction-across-midline",
            "deep-knee-flexion", "loaded-lumbar-flexion", "lumbar-extension", "kneeling", "single-leg-loading",
            "forearm-weight-bearing", "wrist-weight-bearing", "eccentric-hamstring-loading", "adductor-loading",
            "ankle-loading", "hip-flexion-end-range", "neck-support", "impact");

    /** What a finding measured about the exercise it is attached to. */
    public static final List<String> FINDING_MEASURES = List.of("gluteus-medius-mvic", "gluteus-maximus-mvic",
            "injury-risk-reduction", "prescribed-dose");

    public static final List<String> LEVELS = List.of("beginner", "intermediate", "advanced");

    public static final List<String> EQUIPMENT = List.of("bodyweight", "mini-band", "long-band", "dumbbell",
            "kettlebell", "cable", "machine", "bench", "step", "mat", "wall", "anchor", "barbell", "medicine-ball",
            "foam-roller", "stability-ball", "ez-bar", "other");

    /** Equipment every athlete has, whatever they list. */
    public static final Set<String> ALWAYS_AVAILABLE = Set.of("bodyweight", "wall");

    private Vocabulary() {
    }

    /** Whether pain reported in {@code reported} concerns a rule or tag about {@code area}. */
    public static boolean concerns(String reported, String area) {
        return reported.equals(area) || area.equals(WIDER_AREA.get(reported)) || reported.equals(WIDER_AREA.get(area));
    }

    /** Whether a contraindication of this acuity applies to pain of this onset. */
    public static boolean applies(String acuity, String onset) {
        return switch (acuity) {
            case "acute" -> "acute".equals(onset);
            case "current" -> "acute".equals(onset) || "persistent".equals(onset);
            default -> true;
        };
    }
}
