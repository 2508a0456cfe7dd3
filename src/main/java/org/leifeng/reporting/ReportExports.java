package org.leifeng.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * Writes tables as .xlsx (Apache POI's streaming workbook: only a window of rows is held in memory, so a large export
 * keeps memory flat) and as CSV (UTF-8 with a byte-order mark, so Excel opens Chinese text correctly).
 */
@Component
public class ReportExports {

    private static final int ROWS_IN_MEMORY = 200;
    private static final int MAX_ROWS_PER_SHEET = 1_048_576;

    public void xlsx(ReportTable table, OutputStream out) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
        // Rows beyond the window go to a compressed temporary file, removed when the workbook is closed.
        workbook.setCompressTempFiles(true);
        try (workbook) {
            Sheet sheet = workbook.createSheet(table.name());
            CellStyle headerStyle = workbook.createCellStyle();
            var bold = workbook.createFont();
            bold.setBold(true);
            headerStyle.setFont(bold);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle dateTime = workbook.createCellStyle();
            dateTime.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            CellStyle decimal = workbook.createCellStyle();
            decimal.setDataFormat(workbook.createDataFormat().getFormat("#,##0.0"));
            header(sheet, table, headerStyle);
            int[] r = {1};
            Sheet[] current = {sheet};
            table.rows().forEach(values -> {
                if (r[0] == MAX_ROWS_PER_SHEET) {
                    // A sheet holds 1,048,576 rows: a longer table goes on in a second sheet, headers repeated.
                    current[0] = workbook.createSheet(table.name() + " (" + (workbook.getNumberOfSheets() + 1) + ")");
                    header(current[0], table, headerStyle);
                    r[0] = 1;
                }
                Row row = current[0].createRow(r[0]++);
                for (int c = 0; c < values.size(); c++) {
                    var cell = row.createCell(c);
                    Object value = values.get(c);
                    if (value instanceof BigDecimal number) {
                        cell.setCellValue(number.doubleValue());
                        cell.setCellStyle(decimal);
                    } else if (value instanceof Number number) {
                        cell.setCellValue(number.doubleValue());
                    } else if (value instanceof LocalDate day) {
                        cell.setCellValue(day);
                        cell.setCellStyle(date);
                    } else if (value instanceof LocalDateTime time) {
                        cell.setCellValue(time);
                        cell.setCellStyle(dateTime);
                    } else if (value != null) {
                        cell.setCellValue(value.toString());
                    }
                }
            });
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void header(Sheet sheet, ReportTable table, CellStyle style) {
        Row first = sheet.createRow(0);
        for (int c = 0; c < table.headers().size(); c++) {
            var cell = first.createCell(c);
            cell.setCellValue(table.headers().get(c));
            cell.setCellStyle(style);
        }
    }

    public void csv(ReportTable table, OutputStream out) {
        try {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CSVPrinter printer = new CSVPrinter(writer, CSVFormat.EXCEL.builder()
                    .setHeader(table.headers().toArray(String[]::new)).get());
            table.rows().forEach(row -> {
                try {
                    printer.printRecord(row.stream().map(value -> value instanceof BigDecimal number
                            ? number.toPlainString() : value).toList());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
