package dev.medius.progress.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.medius.progress.domain.StrengthTest;
import dev.medius.progress.domain.TenantKey;

/** Stores the athletes' strength tests ({@code strength_test}), each with its athlete for good. */
@ApplicationScoped
public class StrengthTestRepository {

    private static final String COLUMNS = "test_id, athlete_id, kind, tested_on, recorded_at, left_value, right_value, "
            + "unit, symmetry_percent, involved_side, pain, left_rating, right_rating, faults, findings, revision, "
            + "event_time, source, event_id";

    @Inject
    DataSource dataSource;

    /** The athlete each of these tests (tenant, test id) is stored for, for those stored. */
    public Map<TenantKey, String> testOwners(Collection<TenantKey> tests) throws SQLException {
        return Jdbc.owners(dataSource, tests, "SELECT s.tenant_id, s.test_id, s.athlete_id FROM strength_test s "
                + "JOIN unnest(?::varchar[], ?::varchar[]) AS k(t, i) ON s.tenant_id = k.t AND s.test_id = k.i");
    }

    /**
     * Stores each test unless the stored version outranks it or belongs to another athlete; one statement for the
     * batch. Returns the tests written.
     */
    public Set<TenantKey> saveTests(List<StrengthTest> tests) throws SQLException {
        Set<TenantKey> stored = new HashSet<>();
        if (tests.isEmpty()) {
            return stored;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "INSERT INTO strength_test (tenant_id, " + COLUMNS + ") SELECT t, i, a, k, d::date, r::timestamptz, "
                        + "l::float8, rt::float8, u, sy::float8, si, p::smallint, lr, rr, f::jsonb, fi::jsonb, "
                        + "rev::integer, et::timestamptz, src, ei FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], "
                        + "?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], "
                        + "?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) "
                        + "AS x(t, i, a, k, d, r, l, rt, u, sy, si, p, lr, rr, f, fi, rev, et, src, ei) "
                        + "ON CONFLICT (tenant_id, test_id) DO UPDATE SET kind = EXCLUDED.kind, "
                        + "tested_on = EXCLUDED.tested_on, recorded_at = EXCLUDED.recorded_at, "
                        + "left_value = EXCLUDED.left_value, right_value = EXCLUDED.right_value, unit = EXCLUDED.unit, "
                        + "symmetry_percent = EXCLUDED.symmetry_percent, involved_side = EXCLUDED.involved_side, "
                        + "pain = EXCLUDED.pain, left_rating = EXCLUDED.left_rating, right_rating = EXCLUDED.right_rating, "
                        + "faults = EXCLUDED.faults, findings = EXCLUDED.findings, revision = EXCLUDED.revision, "
                        + "event_time = EXCLUDED.event_time, source = EXCLUDED.source, event_id = EXCLUDED.event_id "
                        // a test stays with its athlete; of two versions the one that outranks stands
                        // (AthleteRecord.outranks: revision, event time, source, id)
                        + "WHERE strength_test.athlete_id = EXCLUDED.athlete_id AND (EXCLUDED.revision, "
                        + "EXCLUDED.event_time, EXCLUDED.source COLLATE \"C\", EXCLUDED.event_id COLLATE \"C\") > "
                        + "(strength_test.revision, strength_test.event_time, strength_test.source COLLATE \"C\", "
                        + "strength_test.event_id COLLATE \"C\") RETURNING tenant_id, test_id")) {
            Jdbc.bindTexts(st, c, tests, StrengthTest::tenant, StrengthTest::testId, StrengthTest::athleteId,
                    StrengthTest::kind, StrengthTest::testedOn, StrengthTest::recordedAt, StrengthTest::left,
                    StrengthTest::right, StrengthTest::unit, StrengthTest::symmetryPercent, StrengthTest::involvedSide,
                    StrengthTest::pain, StrengthTest::leftRating, StrengthTest::rightRating, StrengthTest::faultsJson,
                    StrengthTest::findingsJson, StrengthTest::revision, StrengthTest::eventTime,
                    StrengthTest::eventSource, StrengthTest::eventId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    stored.add(new TenantKey(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return stored;
    }

    /**
     * The athlete's latest test of each kind and every test dated {@code from} on, newest first (by test date, then
     * when it was recorded).
     */
    public List<StrengthTest> shown(String tenant, String athlete, LocalDate from) {
        List<StrengthTest> rows = new ArrayList<>();
        Jdbc.query(dataSource, "SELECT tenant_id, " + COLUMNS + " FROM strength_test WHERE tenant_id = ? "
                + "AND athlete_id = ? AND (tested_on >= ? OR test_id IN (SELECT DISTINCT ON (kind) test_id "
                + "FROM strength_test WHERE tenant_id = ? AND athlete_id = ? "
                + "ORDER BY kind, tested_on DESC, recorded_at DESC, test_id)) "
                + "ORDER BY tested_on DESC, recorded_at DESC, test_id", rs -> rows.add(new StrengthTest(rs.getString(1),
                        rs.getString(2), rs.getString(3), rs.getString(4), rs.getObject(5, LocalDate.class),
                        Jdbc.utc(rs.getObject(6, OffsetDateTime.class)), number(rs, 7), number(rs, 8), rs.getString(9),
                        number(rs, 10), rs.getString(11), number(rs, 12) == null ? null : rs.getInt(12),
                        rs.getString(13), rs.getString(14), rs.getString(15), rs.getString(16), rs.getInt(17),
                        Jdbc.utc(rs.getObject(18, OffsetDateTime.class)), rs.getString(19), rs.getString(20))),
                tenant, athlete, from, tenant, athlete);
        return rows;
    }

    private static Double number(ResultSet rs, int column) throws SQLException {
        Object value = rs.getObject(column);
        return value == null ? null : ((Number) value).doubleValue();
    }
}
