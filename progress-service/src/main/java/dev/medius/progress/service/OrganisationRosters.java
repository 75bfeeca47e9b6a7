package dev.medius.progress.service;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.medius.progress.domain.FlagKind;
import dev.medius.progress.domain.RosterFilter;
import dev.medius.progress.repository.OrganisationRosterRepository;
import dev.medius.progress.repository.OrganisationRosterRepository.Page;
import dev.medius.progress.service.ProgressViews.Attention;
import dev.medius.progress.service.ProgressViews.FlagCount;
import dev.medius.progress.service.ProgressViews.OrganisationRoster;
import dev.medius.progress.service.ProgressViews.Team;
import dev.medius.runtime.problem.ProblemException;

/** The organisation-wide roster of head coaches and admins, a page at a time: large organisations have thousands. */
@ApplicationScoped
public class OrganisationRosters {

    @Inject
    OrganisationRosterRepository rosters;

    @Inject
    ProgressService progress;

    public OrganisationRoster page(Viewer viewer, RosterFilter filter, String sort, int page, int size) {
        if (!RosterAccess.wholeOrganisation(viewer)) {
            throw new ProblemException(403, "Forbidden", "the organisation's roster is for head coaches and admins");
        }
        if (filter.flag() != null && !"*".equals(filter.flag())
                && Arrays.stream(FlagKind.values()).noneMatch(k -> k.wire().equals(filter.flag()))) {
            throw ProblemException.invalidField("flag", "must be * or a flag kind of docs/events.md");
        }
        String tenant = viewer.tenant();
        LocalDate today = progress.today();
        Page found = rosters.page(tenant, today, filter, "name".equals(sort), page, size);
        Map<String, Long> flagged = rosters.flagged(tenant, today);
        List<FlagCount> counts = Arrays.stream(FlagKind.values()).filter(k -> flagged.containsKey(k.wire()))
                .sorted((x, y) -> Integer.compare(x.urgency(), y.urgency()))
                .map(k -> new FlagCount(k.wire(), k.severity().wire(), flagged.get(k.wire()))).toList();
        Attention attention = new Attention(rosters.athletes(tenant), flagged.getOrDefault("*", 0L), counts);
        List<Team> teams = rosters.teams(tenant).stream().map(t -> new Team(t.teamId(), t.teamName(), t.athletes())).toList();
        return new OrganisationRoster(today, page, size, found.total(), (found.total() + size - 1) / size, attention,
                teams, progress.summaries(tenant, found.athletes(), today));
    }
}
