package org.leifeng.reporting;

import java.util.List;
import java.util.function.Consumer;

/**
 * A table as people see it on the dashboard and download it: headers in the reader's language, rows of values
 * (numbers stay numbers, days stay dates, so spreadsheets can sum and sort them). Rows are handed over one at a time,
 * so a table of a million records can be streamed from the database to the download without being held.
 */
public record ReportTable(String name, List<String> headers, Rows rows) {

    /** The rows, in order, each handed to {@code row}. */
    @FunctionalInterface
    public interface Rows {
        void forEach(Consumer<List<Object>> row);
    }

    /** A table whose rows are already in memory (the dashboard's small tables). */
    public static ReportTable of(String name, List<String> headers, List<List<Object>> rows) {
        return new ReportTable(name, headers, rows::forEach);
    }
}
