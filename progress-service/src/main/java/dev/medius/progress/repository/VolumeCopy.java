package dev.medius.progress.repository;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import dev.medius.progress.repository.ExerciseVolumeRepository.ExerciseVolumeRow;

/**
 * Writes volume rows with COPY in its text format rather than INSERT … SELECT unnest(arrays): nothing is parsed
 * twice, which makes a batch's rows (about three per completion) markedly cheaper to store.
 */
final class VolumeCopy {

    private static final int CHUNK = 60 * 1024;

    private VolumeCopy() {
    }

    static void insert(Connection c, List<ExerciseVolumeRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY exercise_volume (tenant_id, session_id, "
                + "exercise_id, athlete_id, activity_date, exercise_name, pattern, muscles, sets, reps, hold_seconds) "
                + "FROM STDIN");
        try {
            StringBuilder chunk = new StringBuilder(CHUNK + 4 * 1024);
            for (ExerciseVolumeRow r : rows) {
                field(chunk, r.tenant()).append('\t');
                field(chunk, r.sessionId()).append('\t');
                field(chunk, r.exerciseId()).append('\t');
                field(chunk, r.athleteId()).append('\t');
                field(chunk, r.date() == null ? null : r.date().toString()).append('\t');
                field(chunk, r.name()).append('\t');
                field(chunk, r.pattern()).append('\t');
                field(chunk, r.musclesJson()).append('\t');
                chunk.append(r.sets()).append('\t').append(r.reps()).append('\t').append(r.holdSeconds()).append('\n');
                if (chunk.length() > CHUNK) {
                    write(copy, chunk);
                }
            }
            write(copy, chunk);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    /** A value in COPY's text format: \N for null; backslash, tab and line breaks escaped. */
    static StringBuilder field(StringBuilder out, String value) {
        if (value == null) {
            return out.append("\\N");
        }
        // values almost never hold a character to escape: the runs between such characters are copied whole
        int run = 0;
        for (int i = 0; i < value.length(); i++) {
            String escaped = switch (value.charAt(i)) {
                case '\\' -> "\\\\";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                default -> null;
            };
            if (escaped != null) {
                out.append(value, run, i).append(escaped);
                run = i + 1;
            }
        }
        return run == 0 ? out.append(value) : out.append(value, run, value.length());
    }

    private static void write(CopyIn copy, StringBuilder chunk) throws SQLException {
        byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        chunk.setLength(0);
    }
}
