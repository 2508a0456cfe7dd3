package org.leifeng.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * One {@code COPY ... FROM STDIN} in PostgreSQL's text format, fed row by row through the driver's copy API and
 * flushed in 1 MiB chunks: how the city generator writes millions of rows in minutes. Values are escaped as the text
 * format requires (backslash, tab, newline); null is {@code \N}, byte arrays are hex ({@code \\x...}).
 */
final class CopyStream implements AutoCloseable {

    private static final int CHUNK = 1 << 20;
    private static final HexFormat HEX = HexFormat.of();

    private final CopyIn copy;
    private final StringBuilder row = new StringBuilder(256);
    private final StringBuilder chunk = new StringBuilder(CHUNK + 4096);
    private long rows;
    private boolean first = true;

    CopyStream(Connection connection, String table, String columns) throws SQLException {
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + table + " (" + columns + ") FROM STDIN");
    }

    CopyStream value(Object value) {
        if (!first) {
            row.append('\t');
        }
        first = false;
        if (value == null) {
            row.append("\\N");
        } else if (value instanceof byte[] bytes) {
            row.append("\\\\x").append(HEX.formatHex(bytes));
        } else if (value instanceof Instant instant) {
            row.append(instant);
        } else {
            String text = value.toString();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '\\' -> row.append("\\\\");
                    case '\t' -> row.append("\\t");
                    case '\n' -> row.append("\\n");
                    case '\r' -> row.append("\\r");
                    default -> row.append(c);
                }
            }
        }
        return this;
    }

    /** Ends the row; sends what has gathered once it reaches a chunk. */
    void endRow() throws SQLException {
        chunk.append(row).append('\n');
        row.setLength(0);
        first = true;
        rows++;
        if (chunk.length() >= CHUNK) {
            flush();
        }
    }

    long rows() {
        return rows;
    }

    private void flush() throws SQLException {
        byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        chunk.setLength(0);
    }

    /** Sends the rest and ends the COPY; answers the rows PostgreSQL took. */
    long finish() throws SQLException {
        flush();
        return copy.endCopy();
    }

    @Override
    public void close() {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("cancelling a COPY", e));
        }
    }
}
