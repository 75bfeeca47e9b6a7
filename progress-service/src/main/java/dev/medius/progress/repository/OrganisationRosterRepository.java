package dev.medius.progress.repository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.medius.progress.domain.FlagKind;
import dev.medius.progress.domain.RosterFilter;

/**
 * An organisation's athletes (those on a coach's roster) a page at a time, filtered and ordered in the database, so
 * that a page costs the same whatever the organisation's size. A flag snoozed past {@code today} does not count.
 */
@ApplicationScoped
public class OrganisationRosterRepository {

    /** Each kind's urgency, as {@link FlagKind#urgency()} orders them. */
    private static final String URGENCY = Arrays.stream(FlagKind.values())
            .map(k -> "WHEN '" + k.wire() + "' THEN " + k.urgency()).collect(Collectors.joining(" ", "CASE f.kind ", " END"));

    private static final String OPEN_FLAGS = "SELECT f.athlete_id, f.kind FROM athlete_flag f LEFT JOIN flag_acknowledgement a "
            + "ON a.tenant_id = f.tenant_id AND a.flag_id = f.flag_id WHERE f.tenant_id = ? "
            + "AND (a.snoozed_until IS NULL OR a.snoozed_until <= ?)";

    @Inject
    DataSource dataSource;

    public record Page(List<String> athletes, long total) {
    }

    /** A page of athletes, most urgent open flag first (or by name), then by name and id. */
    public Page page(String tenant, LocalDate today, RosterFilter filter, boolean byName, int page, int size) {
        String sql = "WITH athletes AS (SELECT DISTINCT athlete_id FROM athlete_coach WHERE tenant_id = ?), "
                + "open_flags AS (" + OPEN_FLAGS + "), "
                + "urgency AS (SELECT athlete_id, min(" + URGENCY + ") AS urgency FROM open_flags f GROUP BY athlete_id) "
                + "SELECT a.athlete_id, count(*) OVER () FROM athletes a "
                + "LEFT JOIN athlete_profile p ON p.tenant_id = ? AND p.athlete_id = a.athlete_id "
                + "LEFT JOIN urgency u ON u.athlete_id = a.athlete_id "
                + "WHERE (CAST(? AS TEXT) IS NULL OR p.team_id = ?) "
                + "AND (CAST(? AS TEXT) IS NULL OR strpos(lower(a.athlete_id || ' ' || coalesce(p.display_name, '')), ?) > 0) "
                + "AND (CAST(? AS TEXT) IS NULL OR (? = '*' AND u.urgency IS NOT NULL) "
                + "OR EXISTS (SELECT 1 FROM open_flags o WHERE o.athlete_id = a.athlete_id AND o.kind = ?)) "
                + "ORDER BY " + (byName ? "" : "u.urgency NULLS LAST, ")
                + "lower(coalesce(p.display_name, a.athlete_id)), a.athlete_id LIMIT ? OFFSET ?";
        String words = filter.words() == null ? null : filter.words().toLowerCase();
        List<String> athletes = new ArrayList<>();
        long[] total = { 0 };
        Jdbc.query(dataSource, sql, rs -> {
            athletes.add(rs.getString(1));
            total[0] = rs.getLong(2);
        }, tenant, tenant, today, tenant, filter.teamId(), filter.teamId(), words, words, filter.flag(), filter.flag(),
                filter.flag(), size, (long) page * size);
        if (athletes.isEmpty() && page > 0) {
            // past the last page: the total still tells the caller how many there are
            total[0] = page(tenant, today, filter, byName, 0, 1).total();
        }
        return new Page(athletes, total[0]);
    }

    public record TeamRow(String teamId, String teamName, long athletes) {
    }

    /** The organisation's teams with how many of its rostered athletes each has, by name. */
    public List<TeamRow> teams(String tenant) {
        List<TeamRow> teams = new ArrayList<>();
        Jdbc.query(dataSource, "SELECT p.team_id, max(coalesce(p.team_name, p.team_id)) AS name, count(*) FROM athlete_profile p "
                + "WHERE p.tenant_id = ? AND p.team_id IS NOT NULL AND EXISTS (SELECT 1 FROM athlete_coach c "
                + "WHERE c.tenant_id = p.tenant_id AND c.athlete_id = p.athlete_id) GROUP BY p.team_id ORDER BY name, p.team_id",
                rs -> teams.add(new TeamRow(rs.getString(1), rs.getString(2), rs.getLong(3))), tenant);
        return teams;
    }

    /** How many athletes of the organisation are on a roster. */
    public long athletes(String tenant) {
        long[] count = { 0 };
        Jdbc.query(dataSource, "SELECT count(DISTINCT athlete_id) FROM athlete_coach WHERE tenant_id = ?",
                rs -> count[0] = rs.getLong(1), tenant);
        return count[0];
    }

    /** Athletes per open flag kind, and athletes with any open flag (under the key "*"). */
    public Map<String, Long> flagged(String tenant, LocalDate today) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Jdbc.query(dataSource, "WITH open_flags AS (" + OPEN_FLAGS + ") SELECT kind, count(DISTINCT athlete_id) FROM open_flags "
                + "GROUP BY ROLLUP (kind)", rs -> counts.put(rs.getString(1) == null ? "*" : rs.getString(1), rs.getLong(2)),
                tenant, today);
        return counts;
    }
}
