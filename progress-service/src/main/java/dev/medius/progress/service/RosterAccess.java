package dev.medius.progress.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.medius.progress.repository.RevisionRepository;
import dev.medius.progress.repository.RosterRepository;
import dev.medius.runtime.problem.ProblemException;
import dev.medius.runtime.security.Caller;

/**
 * Who may see whom: coaches their athletes, athletes themselves, admins and head coaches their whole organisation.
 * A coach's athletes are those whose plans name them as coach, the rule routine-service applies too.
 */
@ApplicationScoped
public class RosterAccess {

    @Inject
    RosterRepository roster;

    @Inject
    RevisionRepository revisions;

    /**
     * The coach whose roster is exactly the viewer's dashboard: an admin naming a coach, or a coach (who is not
     * also an athlete) viewing their own. Empty for every other view, which {@link ProgressService#dashboard(Viewer, String)}
     * answers or refuses.
     */
    public Optional<String> rosterCoach(Viewer viewer, String coach) {
        if (wholeOrganisation(viewer)) {
            return Optional.ofNullable(coach);
        }
        if (viewer.is(Caller.COACH) && !viewer.is(Caller.ATHLETE) && (coach == null || coach.equals(viewer.subject()))) {
            return Optional.of(viewer.subject());
        }
        return Optional.empty();
    }

    /** A coach's athletes, each with their revision: what a kept roster answer is checked against. */
    public Map<String, Long> rosterRevisions(String tenant, String coach) {
        return revisions.rosterRevisions(tenant, coach);
    }

    /**
     * The athlete with their revision (null for none) when the viewer may see them, for a kept answer's basis;
     * empty when they may not. A coach asking about one of their athletes, the common case, is one statement.
     */
    public Map<String, Long> visibleRevision(Viewer viewer, String athlete) {
        if (viewer.is(Caller.COACH) && !wholeOrganisation(viewer)
                && !(viewer.is(Caller.ATHLETE) && athlete.equals(viewer.subject()))) {
            return revisions.coachedRevision(viewer.tenant(), viewer.subject(), athlete);
        }
        Map<String, Long> result = new HashMap<>();
        if (canSee(viewer, athlete)) {
            result.put(athlete, revisions.revision(viewer.tenant(), athlete));
        }
        return result;
    }

    /** The athletes on the caller's dashboard; {@code coach} narrows an admin's view to one coach's roster. */
    public List<String> roster(Viewer viewer, String coach) {
        if (wholeOrganisation(viewer)) {
            return coach == null ? roster.athletesOfTenant(viewer.tenant()) : roster.athletesOfCoach(viewer.tenant(), coach);
        }
        if (coach != null && !coach.equals(viewer.subject())) {
            throw new ProblemException(403, "Forbidden", "only an admin or a head coach may view another coach's roster");
        }
        Set<String> athletes = new TreeSet<>();
        if (viewer.is(Caller.COACH)) {
            athletes.addAll(roster.athletesOfCoach(viewer.tenant(), viewer.subject()));
        }
        if (viewer.is(Caller.ATHLETE) && roster.athleteExists(viewer.tenant(), viewer.subject())) {
            athletes.add(viewer.subject());
        }
        return new ArrayList<>(athletes);
    }

    /** Whether the caller may see this athlete; anyone else's athlete is simply not found. */
    public boolean canSee(Viewer viewer, String athlete) {
        if (wholeOrganisation(viewer)) {
            return roster.athleteExists(viewer.tenant(), athlete);
        }
        if (viewer.is(Caller.ATHLETE) && athlete.equals(viewer.subject()) && roster.athleteExists(viewer.tenant(), athlete)) {
            return true;
        }
        return viewer.is(Caller.COACH) && roster.coachesAthlete(viewer.tenant(), viewer.subject(), athlete);
    }

    /** Whether the caller acts as this athlete's coach: a coach of theirs, a head coach or an admin. */
    public boolean coaches(Viewer viewer, String athlete) {
        if (wholeOrganisation(viewer)) {
            return roster.athleteExists(viewer.tenant(), athlete);
        }
        return viewer.is(Caller.COACH) && roster.coachesAthlete(viewer.tenant(), viewer.subject(), athlete);
    }

    /** Whether a change of this athlete belongs on the viewer's stream. */
    public static boolean concerns(Viewer viewer, String coachFilter, AthleteChange change) {
        if (!viewer.tenant().equals(change.tenant())) {
            return false;
        }
        if (wholeOrganisation(viewer)) {
            return coachFilter == null || change.coaches().contains(coachFilter);
        }
        return (viewer.is(Caller.COACH) && change.coaches().contains(viewer.subject()))
                || (viewer.is(Caller.ATHLETE) && change.athleteId().equals(viewer.subject()));
    }

    /** Admins and head coaches see every athlete of their organisation. */
    public static boolean wholeOrganisation(Viewer viewer) {
        return viewer.is(Caller.ADMIN) || viewer.is(Caller.HEAD_COACH);
    }
}
