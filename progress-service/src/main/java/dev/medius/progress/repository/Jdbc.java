package dev.medius.progress.repository;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import javax.sql.DataSource;

import dev.medius.progress.domain.SessionPoint;
import dev.medius.progress.domain.TenantKey;

/** The plain JDBC the repositories share: whole batches bound as arrays, rows read with a handler. */
final class Jdbc {

    private Jdbc() {
    }

    @FunctionalInterface
    interface RowHandler {
        void handle(ResultSet rs) throws SQLException;
    }

    /** One field of every row as a text array, which the statement casts to the column's type. */
    static <T> Array texts(Connection c, Collection<T> rows, Function<T, Object> field) throws SQLException {
        return c.createArrayOf("text", rows.stream().map(field).map(v -> v == null ? null : v.toString()).toArray());
    }

    /** Binds one text array per field, from the first parameter on; returns the next parameter's index. */
    @SafeVarargs
    static <T> int bindTexts(PreparedStatement st, Connection c, Collection<T> rows, Function<T, Object>... fields)
            throws SQLException {
        return bindTexts(st, 1, c, rows, fields);
    }

    /** Binds one text array per field, from parameter {@code from} on; returns the next parameter's index. */
    @SafeVarargs
    static <T> int bindTexts(PreparedStatement st, int from, Connection c, Collection<T> rows, Function<T, Object>... fields)
            throws SQLException {
        int index = from;
        for (Function<T, Object> field : fields) {
            st.setArray(index++, texts(c, rows, field));
        }
        return index;
    }

    /** Binds one integer array per field, from parameter {@code from} on; returns the next parameter's index. */
    @SafeVarargs
    static <T> int bindInts(PreparedStatement st, int from, Connection c, Collection<T> rows, ToIntFunction<T>... fields)
            throws SQLException {
        int index = from;
        for (ToIntFunction<T> field : fields) {
            st.setArray(index++, c.createArrayOf("integer", rows.stream().map(field::applyAsInt).toArray()));
        }
        return index;
    }

    /** Binds the tenants and the ids of the keys as the first two parameters. */
    static void bindKeys(PreparedStatement st, Connection c, Collection<TenantKey> keys) throws SQLException {
        st.setArray(1, c.createArrayOf("varchar", keys.stream().map(TenantKey::tenant).toArray()));
        st.setArray(2, c.createArrayOf("varchar", keys.stream().map(TenantKey::id).toArray()));
    }

    /** The athlete stored with each of these keys, by a statement that takes the keys and returns (tenant, id, athlete). */
    static Map<TenantKey, String> owners(DataSource dataSource, Collection<TenantKey> keys, String sql) throws SQLException {
        Map<TenantKey, String> owners = new HashMap<>();
        if (keys.isEmpty()) {
            return owners;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            bindKeys(st, c, keys);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    owners.put(new TenantKey(rs.getString(1), rs.getString(2)), rs.getString(3));
                }
            }
        }
        return owners;
    }

    /** Runs a read; a collection parameter is bound as a sorted varchar array. */
    static void query(DataSource dataSource, String sql, RowHandler handler, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                Object p = params[i];
                if (p instanceof Collection<?> values) {
                    st.setArray(i + 1, c.createArrayOf("varchar", new TreeSet<>(values).toArray()));
                } else {
                    st.setObject(i + 1, p);
                }
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    handler.handle(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("progress query failed: " + e.getMessage(), e);
        }
    }

    static List<String> strings(DataSource dataSource, String sql, Object... params) {
        List<String> result = new ArrayList<>();
        query(dataSource, sql, rs -> result.add(rs.getString(1)), params);
        return result;
    }

    /** Runs a write in the caller's transaction. */
    static void update(DataSource dataSource, String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("progress update failed: " + e.getMessage(), e);
        }
    }

    /** A completed session from the columns session id, day, completion time, RPE, pain and area, from {@code first} on. */
    static SessionPoint sessionPoint(ResultSet rs, int first) throws SQLException {
        BigDecimal rpe = rs.getBigDecimal(first + 3);
        Object pain = rs.getObject(first + 4);
        return new SessionPoint(rs.getString(first), rs.getObject(first + 1, LocalDate.class),
                utc(rs.getObject(first + 2, OffsetDateTime.class)), rpe == null ? null : rpe.doubleValue(),
                pain == null ? null : ((Number) pain).intValue(), rs.getString(first + 5));
    }

    static OffsetDateTime utc(OffsetDateTime t) {
        return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
