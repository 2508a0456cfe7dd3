package org.leifeng.reporting;

import java.util.List;

/**
 * A table as people see it on the dashboard and download it: headers in the reader's language, rows of values
 * (numbers stay numbers, days stay dates, so spreadsheets can sum and sort them).
 */
public record ReportTable(String name, List<String> headers, List<List<Object>> rows) {
}
