package org.szmark.bulk;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * Rows for one table, written in bulk: PostgreSQL's COPY where the database is PostgreSQL, batched
 * inserts elsewhere. Values are {@code Long}, {@code Integer}, {@code Boolean}, {@code String},
 * {@code byte[]}, {@code LocalDate}, {@code OffsetDateTime} or null.
 */
interface RowSink {

    void row(Object... values) throws SQLException;

    /**
     * Sends what is buffered; the caller's transaction decides when it becomes visible. Rows are held
     * until then, so the caller controls the order of tables (foreign keys).
     */
    void flush() throws SQLException;

    static RowSink of(Connection connection, String table, List<String> columns) throws SQLException {
        if (connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
            return new Copy(connection, table, columns);
        }
        return new Insert(connection, table, columns);
    }

    /** COPY ... FROM STDIN in text format (PostgreSQL manual, "COPY", File Formats: Text Format). */
    final class Copy implements RowSink {
        private final Connection connection;
        private final String sql;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 20);
        private final StringBuilder line = new StringBuilder(4096);

        Copy(Connection connection, String table, List<String> columns) {
            this.connection = connection;
            this.sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN";
        }

        @Override
        public void row(Object... values) throws SQLException {
            line.setLength(0);
            for (int i = 0; i < values.length; i++) {
                if (i > 0) line.append('\t');
                text(values[i]);
            }
            line.append('\n');
            byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
            buffer.write(bytes, 0, bytes.length);
        }

        private void text(Object v) {
            if (v == null) {
                line.append("\\N");
            } else if (v instanceof byte[] b) {
                // bytea in hex form; the backslash itself is escaped once more for the text format
                line.append("\\\\x").append(HexFormat.of().formatHex(b));
            } else if (v instanceof String s) {
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    switch (c) {
                        case '\\' -> line.append("\\\\");
                        case '\t' -> line.append("\\t");
                        case '\n' -> line.append("\\n");
                        case '\r' -> line.append("\\r");
                        default -> line.append(c);
                    }
                }
            } else {
                line.append(v);
            }
        }

        @Override
        public void flush() throws SQLException {
            if (buffer.size() == 0) return;
            try {
                connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn(sql, new java.io.ByteArrayInputStream(buffer.toByteArray()));
            } catch (java.io.IOException e) {
                throw new SQLException("COPY failed: " + e.getMessage(), e);
            }
            buffer.reset();
        }
    }

    /** Batched INSERTs through JDBC, for databases without COPY. */
    final class Insert implements RowSink {
        private final PreparedStatement statement;
        private int pending;

        Insert(Connection connection, String table, List<String> columns) throws SQLException {
            String marks = String.join(", ", columns.stream().map(c -> "?").toList());
            statement = connection.prepareStatement("INSERT INTO " + table + " (" + String.join(", ", columns)
                    + ") VALUES (" + marks + ")");
        }

        @Override
        public void row(Object... values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                Object v = values[i];
                if (v instanceof LocalDate d) {
                    statement.setObject(i + 1, d);
                } else if (v instanceof OffsetDateTime t) {
                    statement.setObject(i + 1, t);
                } else {
                    statement.setObject(i + 1, v);
                }
            }
            statement.addBatch();
            pending++;
        }

        @Override
        public void flush() throws SQLException {
            if (pending == 0) return;
            statement.executeBatch();
            pending = 0;
        }
    }
}
