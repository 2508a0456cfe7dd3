package org.leifeng.volunteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.leifeng.platform.PersonalData;
import org.leifeng.support.LeifengTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs after every other test class, on what the demo city and the whole suite wrote: a plain-text dump of every
 * table of the application, binary columns (such as serialized browser sessions) read as text too, contains no raw
 * document number and no full mobile number of any volunteer or guardian.
 */
@LeifengTest
@Order(Integer.MAX_VALUE)
class NoTableHoldsARawNumberTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PersonalData personalData;

    @Test
    void noTableHoldsARawDocumentOrMobileNumber() {
        RawPersonalNumbers raw = RawPersonalNumbers.of(jdbc, personalData);
        assertThat(raw.mobileCount()).as("the demo city and the tests registered volunteers").isGreaterThan(2_000);
        List<Table> tables = jdbc.sql("""
                SELECT table_schema, table_name FROM information_schema.tables
                WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
                ORDER BY 1, 2""").query(Table.class).list();
        assertThat(tables).extracting(Table::tableName)
                .contains("account", "audit_log", "spring_session", "spring_session_attributes", "volunteer");

        List<String> leaks = new ArrayList<>();
        int rowsRead = 0;
        for (Table table : tables) {
            List<String> rows = jdbc.sql("SELECT t::text FROM " + table.qualified() + " t").query(String.class).list();
            rowsRead += rows.size();
            rows.forEach(row -> leaks.addAll(leaksIn(raw, table.qualified(), row)));
            for (String column : binaryColumns(table)) {
                jdbc.sql("SELECT \"" + column + "\" FROM " + table.qualified() + " WHERE \"" + column + "\" IS NOT NULL")
                        .query(byte[].class).list()
                        .forEach(bytes -> leaks.addAll(leaksIn(raw, table.qualified() + "." + column,
                                new String(bytes, StandardCharsets.ISO_8859_1) + " "
                                        + new String(bytes, StandardCharsets.UTF_8))));
            }
        }
        assertThat(rowsRead).as("the dump read the city's rows").isGreaterThan(10_000);
        assertThat(leaks).as("tables holding a raw document number or a full mobile number").isEmpty();
    }

    @Test
    void theScanFindsANumberWhereOneIsStored() {
        RawPersonalNumbers raw = RawPersonalNumbers.of(jdbc, personalData);
        String someone = jdbc.sql("SELECT phone_key, phone_cipher FROM volunteer WHERE phone_cipher IS NOT NULL LIMIT 1")
                .query((rs, row) -> personalData.open(new PersonalData.Sealed(rs.getString(1), rs.getBytes(2))))
                .single();
        assertThat(raw.mobilesIn("(42,\"+86" + someone + "\",t)")).containsExactly(someone);
    }

    private List<String> binaryColumns(Table table) {
        return jdbc.sql("""
                SELECT column_name FROM information_schema.columns
                WHERE table_schema = :schema AND table_name = :table AND data_type = 'bytea'""")
                .param("schema", table.tableSchema()).param("table", table.tableName()).query(String.class).list();
    }

    private static List<String> leaksIn(RawPersonalNumbers raw, String where, String text) {
        List<String> leaks = new ArrayList<>();
        raw.documentsIn(text).forEach(number -> leaks.add(where + ": document " + number.substring(0, 4) + "…"));
        raw.mobilesIn(text).forEach(number -> leaks.add(where + ": mobile " + number.substring(0, 3) + "…"));
        return leaks;
    }

    record Table(String tableSchema, String tableName) {
        String qualified() {
            return "\"" + tableSchema + "\".\"" + tableName + "\"";
        }
    }
}
