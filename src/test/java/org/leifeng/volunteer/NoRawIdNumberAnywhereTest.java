package org.leifeng.volunteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.leifeng.platform.PersonalData;
import org.leifeng.support.LeifengTest;
import org.leifeng.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs after every other test class: no API answer, page or log line the whole suite produced contains the raw
 * document number of any registered volunteer or guardian. The only exception is the administrator's reveal, whose
 * answers must contain it, which shows that the scan would see a leak.
 */
@LeifengTest
@Order(Integer.MAX_VALUE)
class NoRawIdNumberAnywhereTest {

    private static final Pattern CANDIDATE = Pattern.compile("[0-9A-Za-z]{5,}");
    private static final Path SUITE_LOG = Path.of("target", "test-logs", "suite.log");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PersonalData personalData;

    @Test
    void noResponsePageOrLogLineContainsARawDocumentNumber() throws IOException {
        Set<String> rawNumbers = allRawDocumentNumbers();
        assertThat(rawNumbers).as("the demo city and the tests registered volunteers").hasSizeGreaterThan(2_000);

        List<TestClient.Exchange> transcript = TestClient.transcript();
        List<String> leaks = new ArrayList<>();
        int revealsSeen = 0;
        for (TestClient.Exchange exchange : transcript) {
            Set<String> found = rawNumbersIn(exchange.body(), rawNumbers);
            if (exchange.path().endsWith("/id-number/reveal") || exchange.path().endsWith("/reveal")) {
                revealsSeen += found.isEmpty() ? 0 : 1;
            } else if (!found.isEmpty()) {
                leaks.add(exchange.path());
            }
        }
        assertThat(transcript).as("the suite's exchanges were recorded").hasSizeGreaterThan(200);
        assertThat(revealsSeen).as("the scan finds a number where one is meant to be").isPositive();
        assertThat(leaks).as("answers that contain a raw document number").isEmpty();

        assertThat(SUITE_LOG).exists();
        List<String> leakingLines = new ArrayList<>();
        for (String line : Files.readAllLines(SUITE_LOG, StandardCharsets.UTF_8)) {
            if (!rawNumbersIn(line, rawNumbers).isEmpty()) {
                leakingLines.add(line.length() > 200 ? line.substring(0, 200) : line);
            }
        }
        assertThat(leakingLines).as("log lines that contain a raw document number").isEmpty();
    }

    private Set<String> allRawDocumentNumbers() {
        Set<String> numbers = new HashSet<>();
        jdbc.sql("""
                SELECT id_number_key, id_number_cipher FROM volunteer WHERE id_number_cipher IS NOT NULL
                UNION ALL
                SELECT id_number_key, id_number_cipher FROM volunteer_guardian WHERE id_number_cipher IS NOT NULL""")
                .query((rs, row) -> personalData.open(new PersonalData.Sealed(rs.getString(1), rs.getBytes(2))))
                .list().forEach(numbers::add);
        return numbers;
    }

    /** Every run of letters and digits, and every 18-character stretch of one, checked against the known numbers. */
    private static Set<String> rawNumbersIn(String text, Set<String> rawNumbers) {
        Set<String> found = new HashSet<>();
        if (text == null) {
            return found;
        }
        Matcher matcher = CANDIDATE.matcher(text);
        while (matcher.find()) {
            String token = matcher.group().toUpperCase();
            if (rawNumbers.contains(token)) {
                found.add(token);
            }
            for (int start = 0; start + 18 <= token.length() && token.length() > 18; start++) {
                if (rawNumbers.contains(token.substring(start, start + 18))) {
                    found.add(token);
                }
            }
        }
        return found;
    }
}
