package dev.medius.progress.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.medius.progress.service.DashboardCache.Basis;
import dev.medius.runtime.json.KeptAnswers;
import dev.medius.runtime.problem.ProblemException;
import dev.medius.runtime.trail.TrailedAthletes;

/**
 * The dashboard's answers as JSON, kept while the athletes they show are unchanged ({@link DashboardCache}): a
 * coach's roster, and one athlete's progress, whoever may see them.
 */
@ApplicationScoped
public class DashboardAnswers {

    @Inject
    TrailedAthletes trailed;

    @Inject
    ProgressService progress;

    @Inject
    AthleteProgressService athletes;

    @Inject
    RosterAccess access;

    @Inject
    DashboardCache cache;

    @Inject
    ObjectMapper json;

    /** A coach's roster; whoever may see it sees the same answer. */
    private record RosterKey(String tenant, String coach) {
    }

    /** An athlete's progress over a number of weeks; whoever may see the athlete sees the same answer. */
    private record ProgressKey(String tenant, String athlete, int weeks) {
    }

    /** The viewer's roster; {@code coach} narrows an admin's view to one coach's roster. */
    public byte[] roster(Viewer viewer, String coach) {
        Optional<String> rosterOf = access.rosterCoach(viewer, coach);
        if (rosterOf.isEmpty()) {
            ProgressViews.Dashboard dashboard = progress.dashboard(viewer, coach);
            trailed.shown(dashboard.athletes().stream().map(ProgressViews.AthleteSummary::athleteId).toList());
            return write(dashboard);
        }
        LocalDate today = progress.today();
        Map<String, Long> revisions = access.rosterRevisions(viewer.tenant(), rosterOf.get());
        trailed.shown(revisions.keySet());
        return cache.get(new RosterKey(viewer.tenant(), rosterOf.get()), new Basis(today, revisions),
                () -> write(progress.dashboard(viewer, coach, new ArrayList<>(revisions.keySet()), today)));
    }

    /** An athlete's progress over the last {@code weeks} weeks; not found unless the viewer may see them. */
    public byte[] athlete(Viewer viewer, String athlete, int weeks) {
        Map<String, Long> revision = access.visibleRevision(viewer, athlete);
        if (revision.isEmpty()) {
            throw ProblemException.notFound("athlete " + athlete);
        }
        LocalDate today = progress.today();
        return cache.get(new ProgressKey(viewer.tenant(), athlete, weeks), new Basis(today, revision),
                () -> write(athletes.athlete(viewer.tenant(), athlete, weeks, today)));
    }

    private byte[] write(Object answer) {
        return KeptAnswers.write(json, answer);
    }
}
