package dev.medius.routine.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Red flags that call for a clinician before any training: signs of serious pathology in
 * musculoskeletal pain (Finucane 2020; after knee trauma: rapid swelling, locking, giving way,
 * inability to bear weight) and pain too severe to load (8/10 or more).
 */
public final class Screening {

    /** Pain at or above this severity is assessed before it is trained through. */
    public static final int SEVERE_PAIN = 8;

    /** One finding, with the profile field it came from. */
    public record Concern(String field, String reason) {
    }

    private Screening() {
    }

    public static List<Concern> concerns(AthleteProfile profile) {
        List<Concern> concerns = new ArrayList<>();
        List<String> flags = profile.redFlags().stream().sorted().toList();
        for (String flag : flags) {
            String label = Terms.terms(Terms.Kind.RED_FLAG).stream().filter(t -> t.value().equals(flag))
                    .map(Terms.Term::en).findFirst().orElse(flag);
            concerns.add(new Concern("redFlags", label.toLowerCase(java.util.Locale.ROOT) + " needs a clinician's assessment before training"));
        }
        for (int i = 0; i < profile.pain().size(); i++) {
            AthleteProfile.Pain pain = profile.pain().get(i);
            if (pain.severity() != null && pain.severity() >= SEVERE_PAIN && pain.current()) {
                concerns.add(new Concern("pain[" + i + "].severity", pain.area() + " pain of " + pain.severity()
                        + "/10 is too severe to train through; it needs a clinician's assessment first"));
            }
        }
        return concerns;
    }
}
