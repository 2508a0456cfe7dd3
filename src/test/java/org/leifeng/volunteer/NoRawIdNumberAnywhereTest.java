package org.leifeng.volunteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.leifeng.platform.PersonalData;
import org.leifeng.support.LeifengTest;
import org.leifeng.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs after every other test class: no API answer, page or log line the whole suite produced contains the raw
 * document number or the full mobile number of any registered volunteer or guardian. The only exception is the
 * administrator's reveal, whose answers must contain the document number, which shows that the scan would see a leak.
 */
@LeifengTest
@Order(Integer.MAX_VALUE)
class NoRawIdNumberAnywhereTest {

    private static final Path SUITE_LOG = Path.of("target", "test-logs", "suite.log");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PersonalData personalData;

    @Test
    void noResponsePageOrLogLineContainsARawDocumentOrMobileNumber() throws IOException {
        RawPersonalNumbers raw = RawPersonalNumbers.of(jdbc, personalData);
        assertThat(raw.documentCount()).as("the demo city and the tests registered volunteers").isGreaterThan(2_000);
        assertThat(raw.mobileCount()).as("the volunteers' mobile numbers").isGreaterThan(2_000);

        List<TestClient.Exchange> transcript = TestClient.transcript();
        List<String> documentLeaks = new ArrayList<>();
        List<String> mobileLeaks = new ArrayList<>();
        int revealsSeen = 0;
        for (TestClient.Exchange exchange : transcript) {
            boolean documentFound = !raw.documentsIn(exchange.body()).isEmpty();
            if (exchange.path().endsWith("/id-number/reveal") || exchange.path().endsWith("/reveal")) {
                revealsSeen += documentFound ? 1 : 0;
            } else if (documentFound) {
                documentLeaks.add(exchange.path());
            }
            if (!raw.mobilesIn(exchange.body()).isEmpty()) {
                mobileLeaks.add(exchange.path());
            }
        }
        assertThat(transcript).as("the suite's exchanges were recorded").hasSizeGreaterThan(200);
        assertThat(revealsSeen).as("the scan finds a number where one is meant to be").isPositive();
        assertThat(documentLeaks).as("answers that contain a raw document number").isEmpty();
        assertThat(mobileLeaks).as("answers that contain a full mobile number").isEmpty();

        assertThat(SUITE_LOG).exists();
        List<String> leakingLines = new ArrayList<>();
        for (String line : Files.readAllLines(SUITE_LOG, StandardCharsets.UTF_8)) {
            if (!raw.documentsIn(line).isEmpty() || !raw.mobilesIn(line).isEmpty()) {
                leakingLines.add(line.length() > 200 ? line.substring(0, 200) : line);
            }
        }
        assertThat(leakingLines).as("log lines that contain a raw document number or a full mobile number").isEmpty();
    }
}
