package dev.medius.routine.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.medius.events.routine.AthleteUpdated;
import dev.medius.routine.domain.Athlete;
import dev.medius.routine.events.RoutineEvents;
import dev.medius.routine.repository.AthleteRepository;
import dev.medius.runtime.problem.ProblemException;
import dev.medius.runtime.security.Caller;

/**
 * The organisation's athletes: who they are, their team and sport. Every change raises the profile's revision and
 * publishes it as {@code athlete.updated.v1} in the same transaction; a change that changes nothing publishes nothing.
 */
@ApplicationScoped
public class AthleteRegistry {

    /** Teams are named by slugs, as plan events name them. */
    public static final String TEAM_ID = "^[a-z0-9][a-z0-9-]*$";
    /** Not only spaces. */
    static final String TEXT = "(?s).*\\S.*";

    @Inject
    AthleteRepository athletes;

    @Inject
    AthleteAccess access;

    @Inject
    RoutineEvents events;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    /** The whole profile a PUT gives: what it leaves out is cleared, except a team's name, taken from the team. */
    public record ProfileChange(
            @NotBlank @Size(max = 200) String displayName,
            @Size(max = 100) @Pattern(regexp = TEAM_ID, message = "must be lower-case letters, digits and "
                    + "hyphens, starting with a letter or digit") String teamId,
            @Size(max = 200) @Pattern(regexp = TEXT, message = "must not be blank") String teamName,
            @Size(max = 100) @Pattern(regexp = TEXT, message = "must not be blank") String sport) {
    }

    /** One page of profiles by name, with how many there are in all. */
    public record AthletePage(List<Athlete> items, int page, int size, long total) {
    }

    /** Registers the athlete or changes their profile; refused as an unknown athlete to whom may not. */
    @Transactional
    public Athlete put(String athleteId, ProfileChange change) {
        String tenant = caller.tenant();
        athletes.lock(tenant, athleteId);
        if (!access.mayChangeProfile(athleteId)) {
            throw notFound(athleteId);
        }
        String teamId = change.teamId();
        if (teamId == null && change.teamName() != null) {
            throw ProblemException.invalidField("teamName", "needs a teamId");
        }
        String teamName = teamId == null ? null : Optional.ofNullable(strip(change.teamName()))
                .or(() -> athletes.teamName(tenant, teamId)).orElse(teamId);
        String displayName = strip(change.displayName());
        String sport = strip(change.sport());
        Optional<Athlete> existing = athletes.of(tenant, athleteId);
        if (existing.isPresent() && existing.get().has(displayName, teamId, teamName, sport)) {
            return existing.get();
        }
        Athlete athlete = existing.orElseGet(() -> newAthlete(tenant, athleteId));
        athlete.displayName = displayName;
        athlete.sortName = Athlete.sortName(displayName);
        athlete.teamId = teamId;
        athlete.teamName = teamName;
        athlete.sport = sport;
        athlete.revision++;
        athlete.updatedAt = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        athlete.updatedBy = caller.subject();
        if (existing.isEmpty()) {
            athletes.persist(athlete);
        }
        events.athleteUpdated(tenant, new AthleteUpdated(athleteId, displayName, teamId, teamName, sport,
                athlete.revision, athlete.updatedAt));
        return athlete;
    }

    /** The athlete's profile, for whom may act for the athlete. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Athlete get(String athleteId) {
        // refused as an athlete without a profile is, so that a stranger learns nothing of the athlete
        return athletes.of(caller.tenant(), athleteId).filter(athlete -> access.mayActFor(athleteId))
                .orElseThrow(() -> notFound(athleteId));
    }

    /** The profiles the caller may see, optionally of one team, by name. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public AthletePage page(String teamId, int page, int size) {
        AthleteRepository.Visible visible = access.visible();
        String tenant = caller.tenant();
        // a page past any roster is empty: its offset would not fit the database's
        List<Athlete> items = (long) page * size > Integer.MAX_VALUE ? List.of()
                : athletes.page(tenant, visible, teamId, page, size);
        return new AthletePage(items, page, size, athletes.count(tenant, visible, teamId));
    }

    private static Athlete newAthlete(String tenant, String athleteId) {
        Athlete athlete = new Athlete();
        athlete.tenantId = tenant;
        athlete.athleteId = athleteId;
        return athlete;
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }

    private static ProblemException notFound(String athleteId) {
        return ProblemException.notFound("athlete " + athleteId);
    }
}
