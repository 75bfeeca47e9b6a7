package dev.medius.routine.repository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.medius.routine.domain.Athlete;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class AthleteRepository implements PanacheRepositoryBase<Athlete, Athlete.Key> {

    /** Which athletes a listing may show: the whole organisation, or those coached by and those who are someone. */
    public record Visible(boolean wholeOrganisation, String coachId, String athleteId) {
    }

    /** Whether the organisation holds a profile of the athlete or ever planned for them: one statement for both. */
    public boolean known(String tenant, String athleteId) {
        return (Boolean) getEntityManager().createNativeQuery("SELECT EXISTS (SELECT 1 FROM athlete WHERE tenant_id = :t "
                + "AND athlete_id = :a) OR EXISTS (SELECT 1 FROM assignment WHERE tenant_id = :t AND athlete_id = :a)")
                .setParameter("t", tenant).setParameter("a", athleteId).getSingleResult();
    }

    public Optional<Athlete> of(String tenant, String athleteId) {
        return findByIdOptional(new Athlete.Key(tenant, athleteId));
    }

    /** Orders this transaction after any other changing the same athlete's profile, until commit. */
    public void lock(String tenant, String athleteId) {
        getEntityManager().createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended(:key, 0)))"
                + " AS locked").setParameter("key", "athlete/" + tenant + "/" + athleteId).getSingleResult();
    }

    /** The name the organisation already gives a team, if any athlete's profile names it. */
    public Optional<String> teamName(String tenant, String teamId) {
        return find("tenantId = ?1 and teamId = ?2 and teamName is not null order by updatedAt desc", tenant, teamId)
                .firstResultOptional().map(athlete -> athlete.teamName);
    }

    /** One page of the visible athletes, optionally of one team, by name. */
    public List<Athlete> page(String tenant, Visible visible, String teamId, int page, int size) {
        Filter filter = filter(tenant, visible, teamId);
        return find(filter.query() + " order by sortName, displayName, athleteId", filter.parameters())
                .page(Page.of(page, size)).list();
    }

    public long count(String tenant, Visible visible, String teamId) {
        Filter filter = filter(tenant, visible, teamId);
        return count(filter.query(), filter.parameters());
    }

    private record Filter(String query, Parameters parameters) {
    }

    private static Filter filter(String tenant, Visible visible, String teamId) {
        Map<String, Object> values = new HashMap<>(Map.of("tenant", tenant));
        StringBuilder query = new StringBuilder("tenantId = :tenant");
        if (teamId != null) {
            query.append(" and teamId = :team");
            values.put("team", teamId);
        }
        if (!visible.wholeOrganisation()) {
            List<String> whose = new ArrayList<>();
            if (visible.coachId() != null) {
                // a coach's athletes are those of every plan the coach assigned, as AthleteAccess says
                whose.add("athleteId in (select a.athleteId from Assignment a where a.tenantId = :tenant"
                        + " and a.coachId = :coach)");
                values.put("coach", visible.coachId());
            }
            if (visible.athleteId() != null) {
                whose.add("athleteId = :self");
                values.put("self", visible.athleteId());
            }
            query.append(whose.isEmpty() ? " and 1 = 0" : " and (" + String.join(" or ", whose) + ")");
        }
        Parameters parameters = new Parameters();
        values.forEach(parameters::and);
        return new Filter(query.toString(), parameters);
    }
}
