package org.leifeng.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.leifeng.hours.BenchLedger;

import tools.jackson.databind.JsonNode;

/**
 * Scenario 6: a volunteer with a long history asks for their certificate (志愿服务记录证明). One volunteer of its own
 * gets {@code certificate-records} counted service records, written straight into the ledger ({@code service_entry},
 * {@code credited_time}, {@code hours_account}) and chained with the application's own {@code LedgerHash}, so its
 * verification finds the chain intact. Then {@code certificate-clients} clients, for a fixed time, each in turn
 * issue a certificate ({@code POST /api/v1/volunteers/{id}/certificates}: the server reads the ledger and renders the
 * PDF) and download it ({@code GET /api/v1/certificates/{number}/pdf}: the stored PDF), as the volunteer.
 *
 * <p>Every issue must answer the right total, every download a PDF; one PDF is read with PDFBox for its total and
 * number of records; the certificates stored, the public verification and the ledger's verification are checked.
 */
final class CertificateScenario implements Scenario {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final String PDF = "application/pdf";
    private static final String[] TITLES = {"关爱空巢老人", "文明交通劝导", "社区环境整治", "垃圾分类宣传",
            "古城文化讲解 Heritage guide at the Iron Pagoda and the Dragon Pavilion", "义诊进社区", "留守儿童陪伴",
            "应急救护培训", "菊花文化节服务", "防汛巡查"};
    private static final String[] HOURS = {"1.0", "1.5", "2.0", "2.5", "3.0", "3.5", "4.0"};

    private SeededVolunteer volunteer;
    private BigDecimal total;
    private int records;

    @Override
    public String id() {
        return "certificate";
    }

    @Override
    public String title() {
        return "Certificate: PDF for a volunteer with 500 records";
    }

    @Override
    public String description() {
        return "One volunteer of its own with `certificate-records` counted service records written into the ledger "
                + "in SQL, hash-chained by the application's LedgerHash; `certificate-clients` clients, after a warm-up, "
                + "for a fixed time, each in turn issue a certificate as the volunteer (POST "
                + "/api/v1/volunteers/{id}/certificates: reads the ledger, renders and stores the PDF) and download it "
                + "(GET /api/v1/certificates/{number}/pdf). Checked: every issue names the right total, every download "
                + "is a PDF, one PDF read with PDFBox, the certificates stored (SQL), the public verification, the "
                + "ledger's verification.";
    }

    @Override
    public String target() {
        return "median < 100 ms (issue and download each); zero errors";
    }

    @Override
    public List<String> prepare(BenchContext context) throws Exception {
        records = context.options.certificateRecords();
        long started = System.nanoTime();
        volunteer = context.moreVolunteers(1).get(0);
        total = seedLedger(context, volunteer, records);
        JsonNode verification = context.asAdmin("GET", "/api/v1/hours/verification?volunteerId=" + volunteer.volunteerId(),
                null, 200);
        if (!verification.path("intact").asBoolean() || verification.path("entries").asLong() != records) {
            throw new IllegalStateException("the seeded chain does not verify: " + verification);
        }
        return List.of(String.format(Locale.ROOT, "volunteer %d with %d counted records (%s h in all) written into the "
                + "ledger and verified intact by the application in %.1f s", volunteer.volunteerId(), records,
                total.toPlainString(), (System.nanoTime() - started) / 1e9));
    }

    @Override
    public ScenarioResult run(BenchContext context) throws Exception {
        BenchOptions options = context.options;
        Certificates workload = new Certificates(context, volunteer, total, options.certificateClients());
        LoadStats stats = context.load.timed(id(), options.certificateClients(), workload,
                Duration.ofSeconds(options.certificateWarmupSeconds()), Duration.ofSeconds(options.certificateSeconds()));
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "%d clients, %d s warm-up, then %d s measured; %d certificates issued in "
                        + "all (warm-up included)", options.certificateClients(), options.certificateWarmupSeconds(),
                options.certificateSeconds(), workload.issued.size()));

        List<Check> checks = new ArrayList<>();
        String number = workload.last.get();
        checks.add(Check.correctness("certificates issued", number != null, "at least one", number == null ? "none"
                : Integer.toString(workload.issued.size())));
        if (number != null) {
            checkOnePdf(context, number, checks, notes);
            checkStored(context, workload, checks);
            JsonNode verified = context.parse(context.http.get("/api/v1/public/certificates/" + number, null).body());
            checks.add(Check.correctness("public verification of the last: VALID with the total",
                    verified.path("valid").asBoolean() && total.compareTo(verified.path("totalHours").decimalValue()) == 0,
                    "valid, " + total.toPlainString() + " h",
                    (verified.path("valid").asBoolean() ? "valid, " : "not valid, ") + verified.path("totalHours")));
        }
        JsonNode verification = context.asAdmin("GET", "/api/v1/hours/verification?volunteerId=" + volunteer.volunteerId(),
                null, 200);
        checks.add(Check.correctness("the ledger's own verification of the chain (API)",
                verification.path("intact").asBoolean() && verification.path("entries").asLong() == records,
                "intact, " + records + " entries", (verification.path("intact").asBoolean() ? "intact, " : "broken, ")
                        + verification.path("entries").asLong() + " entries"));
        Answer hoursAnswer = context.http.get("/api/v1/volunteers/" + volunteer.volunteerId() + "/hours",
                volunteer.token());
        JsonNode hours = hoursAnswer.is(200) ? context.parse(hoursAnswer.body()) : null;
        checks.add(Check.correctness("the volunteer's total through the API", hours != null
                        && total.compareTo(hours.path("totalHours").decimalValue()) == 0, total.toPlainString(),
                hours == null ? "no answer" : hours.path("totalHours").asString("")));

        for (String kind : List.of("issue", "download")) {
            double median = LoadStats.millis(stats.byKind().getOrDefault(kind, new org.HdrHistogram.Histogram(3)), 50);
            checks.add(Check.target("median < 100 ms: " + kind, median < 100, "< 100 ms",
                    String.format(Locale.ROOT, "%.1f ms", median)));
        }
        checks.add(Check.target("zero errors", stats.errors() == 0, "0", Long.toString(stats.errors())));
        return new ScenarioResult(this, stats, checks, notes);
    }

    /** The last certificate's PDF, read with PDFBox: the total and the number of records it states. */
    private void checkOnePdf(BenchContext context, String number, List<Check> checks, List<String> notes)
            throws IOException {
        Http.Download pdf = context.http.download("/api/v1/certificates/" + number + "/pdf", volunteer.token(), PDF);
        boolean isPdf = pdf.status() == 200 && startsWithPdf(pdf.body());
        checks.add(Check.correctness("the download is a PDF (status, %PDF-)", isPdf, "200, %PDF-",
                pdf.status() + ", " + (startsWithPdf(pdf.body()) ? "%PDF-" : "not a PDF") + ", " + pdf.contentType()));
        if (!isPdf) {
            return;
        }
        String text;
        int pages;
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            text = new PDFTextStripper().getText(document);
            pages = document.getNumberOfPages();
        }
        String hours = total.setScale(1).toPlainString();
        checks.add(Check.correctness("the PDF states the total (PDFBox)", text.contains("合计：" + hours + " 小时")
                        && text.contains("累计志愿服务时长 " + hours + " 小时"), "合计：" + hours + " 小时",
                text.contains("合计：" + hours + " 小时") ? "合计：" + hours + " 小时" : "another or none"));
        checks.add(Check.correctness("the PDF counts and lists every record (PDFBox)",
                text.contains("共 " + records + " 条记录") && text.contains("\n" + records + " "),
                records + " records", text.contains("共 " + records + " 条记录") ? records + " records" : "another count"));
        notes.add(String.format(Locale.ROOT, "the certificate checked: %d pages, %,d bytes", pages, pdf.body().length));
    }

    private void checkStored(BenchContext context, Certificates workload, List<Check> checks) throws SQLException {
        List<Map<String, Object>> rows = context.database.query("""
                SELECT number, total_hours, superseded_at FROM certificate WHERE volunteer_id = ?""",
                volunteer.volunteerId());
        checks.add(Check.equal("certificates stored for the volunteer (SQL) = issues answered 201", workload.issued.size(),
                rows.size()));
        long wrong = rows.stream().filter(row -> !workload.issued.contains((String) row.get("number"))
                || total.compareTo((BigDecimal) row.get("total_hours")) != 0 || row.get("superseded_at") != null).count();
        checks.add(Check.equal("stored certificates not answered, with another total, or superseded (SQL)", 0, wrong));
    }

    private static boolean startsWithPdf(byte[] body) {
        return body.length >= 5 && body[0] == '%' && body[1] == 'P' && body[2] == 'D' && body[3] == 'F' && body[4] == '-';
    }

    /**
     * {@code count} CREDIT entries of attended time, one a day back from yesterday, each chained to the one before
     * as {@code Ledger} appends them; the time they cover in {@code credited_time}; the account row at the head with
     * the total and star level. Answers the total.
     */
    private static BigDecimal seedLedger(BenchContext context, SeededVolunteer volunteer, int count)
            throws SQLException {
        List<Long> organisations = context.city().organisations();
        long volunteerId = volunteer.volunteerId();
        Instant recordedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        LocalDate today = LocalDate.now(CITY);
        String head = BenchLedger.GENESIS;
        BigDecimal total = BigDecimal.ZERO.setScale(1);
        try (Connection connection = context.database.connect()) {
            connection.setAutoCommit(false);
            List<Long> ids = new ArrayList<>(count);
            try (PreparedStatement next = connection.prepareStatement(
                    "SELECT nextval(pg_get_serial_sequence('service_entry', 'id')) FROM generate_series(1, ?)")) {
                next.setInt(1, count);
                try (ResultSet rows = next.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                    }
                }
            }
            try (PreparedStatement entry = connection.prepareStatement("""
                    INSERT INTO service_entry (id, volunteer_id, seq, kind, activity_id, activity_title, shift_id,
                        organisation_id, served_from, served_until, service_date, hours, delta, source_key, recorded_at,
                        prev_hash, hash)
                    VALUES (?, ?, ?, 'CREDIT', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
                    PreparedStatement time = connection.prepareStatement("""
                            INSERT INTO credited_time (entry_id, volunteer_id, during) VALUES (?, ?, tstzrange(?, ?))""")) {
                for (int i = 0; i < count; i++) {
                    int seq = i + 1;
                    LocalDate day = today.minusDays(count - i);
                    BigDecimal hours = new BigDecimal(HOURS[i % HOURS.length]);
                    Instant from = day.atTime(8 + i % 6, (i % 4) * 15).atZone(CITY).toInstant();
                    Instant until = from.plus(Duration.ofMinutes(hours.multiply(BigDecimal.valueOf(60)).longValue()));
                    // Activities and shifts are not read for a certificate: the entry carries the title, as it does
                    // for activities held long ago. Ids far above any seeded or created activity.
                    long activityId = 900_000_000L + i % TITLES.length;
                    long shiftId = 900_000_000L + i;
                    long organisationId = organisations.get(i % organisations.size());
                    String title = TITLES[i % TITLES.length];
                    String source = "bench-certificate:" + volunteerId + ":" + seq;
                    String hash = BenchLedger.creditHash(volunteerId, seq, activityId, title, shiftId, organisationId,
                            from, until, day, hours, source, recordedAt, head);
                    Object[] values = {ids.get(i), volunteerId, seq, activityId, title, shiftId, organisationId,
                            from.atOffset(ZoneOffset.UTC), until.atOffset(ZoneOffset.UTC), day, hours, hours, source,
                            recordedAt.atOffset(ZoneOffset.UTC), head, hash};
                    for (int v = 0; v < values.length; v++) {
                        entry.setObject(v + 1, values[v]);
                    }
                    entry.addBatch();
                    time.setLong(1, ids.get(i));
                    time.setLong(2, volunteerId);
                    time.setObject(3, from.atOffset(ZoneOffset.UTC));
                    time.setObject(4, until.atOffset(ZoneOffset.UTC));
                    time.addBatch();
                    head = hash;
                    total = total.add(hours);
                }
                entry.executeBatch();
                time.executeBatch();
            }
            try (PreparedStatement account = connection.prepareStatement("""
                    INSERT INTO hours_account (volunteer_id, entries, head_hash, total_hours, star_level, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?)""")) {
                account.setLong(1, volunteerId);
                account.setInt(2, count);
                account.setString(3, head);
                account.setBigDecimal(4, total);
                account.setInt(5, BenchLedger.starLevel(total));
                account.setObject(6, recordedAt.atOffset(ZoneOffset.UTC));
                account.executeUpdate();
            }
            connection.commit();
        }
        return total;
    }

    /**
     * Each client in turn issues a certificate and downloads the one it was given. Issues must name the volunteer's
     * total; downloads must be a PDF (their text is compressed: one is read with PDFBox after the run).
     */
    private static final class Certificates implements Workload {

        private final BenchContext context;
        private final SeededVolunteer volunteer;
        private final BigDecimal total;
        private final String issuePath;
        /** Per client: the number it was given and has not downloaded yet. */
        private final String[] toDownload;
        final Set<String> issued = ConcurrentHashMap.newKeySet();
        final AtomicReference<String> last = new AtomicReference<>();

        Certificates(BenchContext context, SeededVolunteer volunteer, BigDecimal total, int clients) {
            this.context = context;
            this.volunteer = volunteer;
            this.total = total;
            this.issuePath = "/api/v1/volunteers/" + volunteer.volunteerId() + "/certificates";
            this.toDownload = new String[clients];
        }

        @Override
        public Request next(int client) {
            String number = toDownload[client];
            if (number != null) {
                toDownload[client] = null;
                return Request.download("download", "/api/v1/certificates/" + number + "/pdf", volunteer.token(), PDF,
                        number);
            }
            return Request.post("issue", issuePath, volunteer.token(), null, client);
        }

        @Override
        public String check(Request request, Answer answer) {
            if (request.kind().equals("download")) {
                if (!answer.is(200)) {
                    return "expected 200: " + answer.body();
                }
                return answer.body().startsWith("%PDF-") ? null : "not a PDF";
            }
            if (!answer.is(201)) {
                return "expected 201: " + answer.body();
            }
            JsonNode body = context.parse(answer.body());
            String number = body.path("number").asString("");
            if (number.isEmpty() || total.compareTo(body.path("totalHours").decimalValue()) != 0
                    || !body.path("pdfUrl").asString("").equals("/api/v1/certificates/" + number + "/pdf")) {
                return "not a certificate of " + total.toPlainString() + " h: " + answer.body();
            }
            if (!issued.add(number)) {
                return "a certificate number given twice: " + number;
            }
            toDownload[(Integer) request.subject()] = number;
            last.set(number);
            return null;
        }
    }
}
