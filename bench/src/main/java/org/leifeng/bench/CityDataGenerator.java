package org.leifeng.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.leifeng.hours.BenchLedger;
import org.leifeng.hours.EntryKind;
import org.leifeng.identity.BenchAccountIndexes;
import org.leifeng.platform.BenchPersonalData;
import org.leifeng.platform.Masking;
import org.leifeng.platform.PersonalData;
import org.leifeng.platform.internal.BenchKeys;
import org.leifeng.volunteer.BenchVolunteerIndexes;
import org.leifeng.volunteer.ResidentIdNumber;
import org.leifeng.volunteer.VolunteerNumber;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Fills a running Leifeng's database with a city-sized data set (issue 6): by default 1,000,000 volunteers,
 * 100,000 activities and 10,000,000 ledger entries over the last three years in every district. Rows are written
 * the way the application writes them, with its own code for what must be exact: ID numbers valid under GB 11643,
 * sealed and blind-indexed under the installation's keys, volunteer numbers with their check digit, and ledger
 * chains hashed by the ledger's own {@code LedgerHash}, so {@code --leifeng.verify-ledger} passes on the result.
 * Volunteers and the ledger go in through {@code COPY} (about 70 MB/s here), activities and shifts through one
 * {@code INSERT ... SELECT} each.
 *
 * <p>What it writes per volunteer: an account (all share one BCrypt hash of {@link VolunteerSeeder#PASSWORD}), a
 * VOLUNTEER grant, the volunteer registered at a random moment of the three years, at a random organisation below
 * the root; then 0 to 14 services, or 40 to 160 for three in a hundred (10 on average) at past shifts of the generated activities, on distinct days (so no
 * two overlap), each a CREDIT with its credited time; one in a hundred is followed by a CORRECTION an hour later;
 * finally the volunteer's hours account (entries, head of the chain, total, star level). Completed activities get a
 * number of people served. The read models of reporting are not written: the application builds them (it rebuilds
 * on start when they differ from the ledger, or on {@code POST /api/v1/stats/rebuild}).
 *
 * <p>Run it against an application that is idle (nothing else appends to the ledger or registers meanwhile: ids are
 * reserved by moving the sequences) and whose tree is the bench city ({@link CitySeeder}, seeded here when the
 * database has only the root). See {@code bench/generate-city.sh}.
 */
final class CityDataGenerator {

    static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    /** Phones of generated volunteers start 171 (the load scenarios' volunteers have 170). */
    private static final String PHONE_PREFIX = "171";
    private static final String[] AREA_CODES = {"410202", "410203", "410204", "410205", "410212", "410221", "410222",
            "410223", "410225"};
    private static final String[] SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧".split("");
    private static final String[] GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂英华玉兰秀红建国志文".split("");
    private static final String CORRECTION_NOTE = "签退时间登记有误，按签到表更正";
    private static final int MAX_SERVICES = 200;

    record Sizes(int volunteers, int activities, long entries, int years) {
    }

    record Generated(int volunteers, int activities, int shifts, long entries, long corrections, BigDecimal hours,
            List<String> timings) {
    }

    private final Database database;
    private final PersonalData personalData;
    private final SplittableRandom random;
    private final List<String> timings = new ArrayList<>();

    /**
     * {@code CityDataGenerator --data-dir DIR [--db-host localhost] [--db-port 54391] [--volunteers 1000000]
     * [--activities 100000] [--entries 10000000] [--years 3] [--seed 6]}: see {@code bench/generate-city.sh}.
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        if (!options.containsKey("data-dir") || args.length % 2 != 0) {
            System.err.println("CityDataGenerator --data-dir <LEIFENG_DATA_DIR of the running app> [--db-host localhost] "
                    + "[--db-port 54391] [--volunteers 1000000] [--activities 100000] [--entries 10000000] [--years 3] "
                    + "[--seed 6]");
            System.exit(2);
        }
        Database database = new Database(options.getOrDefault("db-host", "localhost"),
                Integer.parseInt(options.getOrDefault("db-port", "54391")));
        Sizes sizes = new Sizes(number(options, "volunteers", 1_000_000), number(options, "activities", 100_000),
                number(options, "entries", 10_000_000), number(options, "years", 3));
        long started = System.nanoTime();
        Generated generated = new CityDataGenerator(database, Path.of(options.get("data-dir")),
                number(options, "seed", 6)).generate(sizes);
        log(String.format(Locale.ROOT, "done in %.1f s: %,d volunteers, %,d activities (%,d past shifts), %,d ledger "
                        + "entries (%,d corrections), %s hours", (System.nanoTime() - started) / 1e9,
                generated.volunteers(), generated.activities(), generated.shifts(), generated.entries(),
                generated.corrections(), generated.hours().toPlainString()));
    }

    private static int number(Map<String, String> options, String name, int fallback) {
        String value = options.get(name);
        return value == null ? fallback : Integer.parseInt(value.replace("_", "").replace(",", ""));
    }

    CityDataGenerator(Database database, Path dataDir, long seed) {
        this.database = database;
        this.personalData = BenchPersonalData.with(BenchKeys.fromDataDir(dataDir));
        this.random = new SplittableRandom(seed);
    }

    Generated generate(Sizes sizes) throws SQLException {
        List<Long> organisations = organisations();
        long started = System.nanoTime();
        int volunteersFrom = volunteers(sizes, organisations);
        lap("volunteers, accounts and grants", started);

        started = System.nanoTime();
        Shifts shifts = activities(sizes);
        lap("activities and shifts", started);

        started = System.nanoTime();
        Ledger ledger = ledger(sizes, volunteersFrom, shifts);
        lap("ledger entries, credited time and hours accounts", started);

        started = System.nanoTime();
        try (Connection connection = database.connect(); Statement sql = connection.createStatement()) {
            for (String table : List.of("account", "role_grant", "volunteer", "activity", "shift", "activity_listing",
                    "service_entry", "credited_time", "hours_account")) {
                sql.execute("VACUUM (ANALYZE) " + table);
            }
        }
        lap("VACUUM ANALYZE", started);
        return new Generated(sizes.volunteers(), sizes.activities(), shifts.count, ledger.entries, ledger.corrections,
                ledger.hours, List.copyOf(timings));
    }

    // -- volunteers ------------------------------------------------------------------------------------------------

    /** Writes the volunteers; answers the id of the first. */
    private int volunteers(Sizes sizes, List<Long> organisations) throws SQLException {
        int count = sizes.volunteers();
        String passwordHash = new BCryptPasswordEncoder(10).encode(VolunteerSeeder.PASSWORD);
        LocalDate today = LocalDate.now(CITY);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long span = Duration.ofDays(365L * sizes.years()).toSeconds();
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            long accountFrom = reserve(connection, "pg_get_serial_sequence('account', 'id')", count);
            long volunteerFrom = reserve(connection, "pg_get_serial_sequence('volunteer', 'id')", count);
            long serialFrom = reserve(connection, "'volunteer_number_serial'", count);
            // One COPY at a time on a connection: each table in its own pass over the same numbers.
            try (CopyStream accounts = new CopyStream(connection, "account",
                    "id, phone_index, phone_masked, password_hash, created_at")) {
                for (int i = 0; i < count; i++) {
                    String phone = PHONE_PREFIX + String.format("%08d", i);
                    accounts.value(accountFrom + i)
                            .value(personalData.blindIndex(BenchAccountIndexes.mobilePurpose(), phone))
                            .value(Masking.phone(phone)).value(passwordHash).value(registeredAt(i, now, span)).endRow();
                }
                accounts.finish();
            }
            try (CopyStream grants = new CopyStream(connection, "role_grant", "account_id, role, organisation_id, granted_at")) {
                for (int i = 0; i < count; i++) {
                    grants.value(accountFrom + i).value("VOLUNTEER").value(organisationOf(i, organisations))
                            .value(registeredAt(i, now, span)).endRow();
                }
                grants.finish();
            }
            try (CopyStream volunteers = new CopyStream(connection, "volunteer", """
                    id, account_id, volunteer_number, organisation_id, name, id_type, id_number_cipher,
                    id_number_key, id_number_index, id_number_masked, phone_cipher, phone_key, phone_index,
                    phone_masked, birth_date, sex, consent_version, consented_at, registered_at""")) {
                for (int i = 0; i < count; i++) {
                    Instant registered = registeredAt(i, now, span);
                    String phone = PHONE_PREFIX + String.format("%08d", i);
                    ResidentIdNumber id = ResidentIdNumber.parse(residentId(i, today), today);
                    PersonalData.Sealed sealedId = personalData.seal(id.value());
                    PersonalData.Sealed sealedPhone = personalData.seal(phone);
                    volunteers.value(volunteerFrom + i).value(accountFrom + i)
                            .value(VolunteerNumber.issue("4102", serialFrom + i)).value(organisationOf(i, organisations))
                            .value(SURNAMES[i % SURNAMES.length] + GIVEN[(i / SURNAMES.length) % GIVEN.length]
                                    + (i % 3 == 0 ? "" : GIVEN[(i / 7) % GIVEN.length]))
                            .value("RESIDENT_ID").value(sealedId.ciphertext()).value(sealedId.keyId())
                            .value(personalData.blindIndex(BenchVolunteerIndexes.idDocumentPurpose(),
                                    "RESIDENT_ID:" + id.value()))
                            .value(Masking.documentNumber(id.value())).value(sealedPhone.ciphertext())
                            .value(sealedPhone.keyId())
                            .value(personalData.blindIndex(BenchVolunteerIndexes.phonePurpose(), phone))
                            .value(Masking.phone(phone)).value(id.birthDate()).value(id.sex().name()).value("2026-11")
                            .value(registered).value(registered).endRow();
                }
                volunteers.finish();
            }
            connection.commit();
            return Math.toIntExact(volunteerFrom);
        }
    }

    private static Instant registeredAt(int i, Instant now, long span) {
        return now.minusSeconds(random(i, 1).nextLong(span));
    }

    /** A volunteer's organisation: the same for every pass over volunteer {@code i}. */
    private static long organisationOf(int i, List<Long> organisations) {
        return organisations.get(random(i, 2).nextInt(organisations.size()));
    }

    /** A generator of its own per volunteer and purpose, so every pass draws the same values in any order. */
    private static SplittableRandom random(long volunteer, int purpose) {
        return new SplittableRandom(volunteer * 31 + purpose * 1_000_003L);
    }

    /**
     * A distinct adult's number for every index (not colliding with {@link VolunteerSeeder}'s, whose people were born
     * 30 years ago): 9,000 numbers per birthday (nine area codes × a three-digit sequence), birthdays spread over 50
     * years from age 18.
     */
    static String residentId(int index, LocalDate today) {
        int day = index / 9_000;
        LocalDate birth = today.minusYears(18).minusDays(day * 97L % 18_000 + 400);
        String first17 = AREA_CODES[index % AREA_CODES.length] + birth.toString().replace("-", "")
                + String.format("%03d", (index / AREA_CODES.length) % 1000);
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    // -- activities ------------------------------------------------------------------------------------------------

    /** The past shifts services can be credited at, sorted by start. */
    private static final class Shifts {
        int count;
        long[] ids;
        long[] activityIds;
        long[] organisationIds;
        long[] starts;
        int[] minutes;
        String[] titles;
    }

    private Shifts activities(Sizes sizes) throws SQLException {
        try (Connection connection = database.connect(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            sql.execute("SELECT setseed(0.6)");
            ActivitySeeder.stageOrganisationsAndPhrases(sql);
            // The listing triggers would refresh an activity once for itself and once per shift, at commit: in bulk,
            // they are left out for this transaction (replica role) and each listing is refreshed once, below.
            sql.execute("SET LOCAL session_replication_role = replica");
            // Nine in ten held in the past three years, today included (COMPLETED, with people served), one in ten still to come.
            sql.execute("""
                    CREATE TEMP TABLE city_activity ON COMMIT DROP AS
                    SELECT g, o.id AS organisation_id, w.zh, w.en,
                           CASE WHEN g %% 10 = 0 THEN date_trunc('hour', now()) + (1 + floor(random() * 90)) * interval '1 day'
                                ELSE date_trunc('hour', now()) - floor(random() * (365 * %d - 1)) * interval '1 day' END
                               + (8 + floor(random() * 10) - extract(hour from date_trunc('hour', now() AT TIME ZONE 'Asia/Shanghai')))
                                 * interval '1 hour' AS first_start
                    FROM generate_series(1, %d) g
                    JOIN bench_org o ON o.n = g %% (SELECT count(*) FROM bench_org)
                    JOIN bench_word w ON w.n = g %% 13""".formatted(sizes.years(), sizes.activities()));
            sql.execute("""
                    INSERT INTO activity (organisation_id, title, category, description, address, latitude, longitude,
                                          radius_meters, approval, status, backfilled, published_at, people_served,
                                          people_served_at)
                    SELECT organisation_id, zh || ' 第' || g || '期',
                           (ARRAY['CIVILITY','ELDERLY','CHILDREN','ENVIRONMENT','TRAFFIC','COMMUNITY','CULTURE','HEALTH',
                                  'EMERGENCY','EVENTS','EDUCATION','OTHER'])[1 + g % 12],
                           '开封市志愿服务活动。' || en || ' volunteering, session ' || g, '开封市城市数据地址' || g,
                           34.6 + random() * 0.3, 114.2 + random() * 0.5, 300,
                           'AUTO', CASE WHEN g % 10 = 0 THEN 'PUBLISHED' ELSE 'COMPLETED' END, false,
                           first_start - interval '14 days',
                           CASE WHEN g % 10 = 0 THEN NULL ELSE 20 + floor(random() * 280)::int END,
                           CASE WHEN g % 10 = 0 THEN NULL ELSE least(now(), first_start + interval '3 weeks') END
                    FROM city_activity ORDER BY g""");
            sql.execute("""
                    INSERT INTO shift (activity_id, starts_at, ends_at, capacity)
                    SELECT a.id, c.first_start + k * interval '7 days',
                           c.first_start + k * interval '7 days' + (2 + (a.id % 3)) * interval '1 hour', 200
                    FROM activity a
                    JOIN city_activity c ON a.address = '开封市城市数据地址' || c.g
                    CROSS JOIN LATERAL generate_series(0, (c.g % 3)::int) k
                    WHERE c.g % 10 = 0 OR c.first_start + k * interval '7 days' + interval '5 hours' < now()""");
            sql.execute("ANALYZE activity");
            sql.execute("ANALYZE shift");
            sql.execute("SELECT refresh_activity_listing(id) FROM activity WHERE address LIKE '开封市城市数据地址%'");
            connection.commit();
            connection.setAutoCommit(true);
            sql.execute("ANALYZE activity");
            sql.execute("ANALYZE shift");
            return pastShifts(connection);
        }
    }

    private static Shifts pastShifts(Connection connection) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (Statement sql = connection.createStatement();
                ResultSet result = sql.executeQuery("""
                        SELECT s.id, s.activity_id, a.organisation_id, s.starts_at, s.ends_at, a.title
                        FROM shift s JOIN activity a ON a.id = s.activity_id
                        WHERE a.address LIKE '开封市城市数据地址%' AND s.ends_at < now() ORDER BY s.starts_at, s.id""")) {
            while (result.next()) {
                rows.add(new Object[] {result.getLong(1), result.getLong(2), result.getLong(3),
                        result.getTimestamp(4).toInstant(), result.getTimestamp(5).toInstant(), result.getString(6)});
            }
        }
        Shifts shifts = new Shifts();
        shifts.count = rows.size();
        shifts.ids = new long[rows.size()];
        shifts.activityIds = new long[rows.size()];
        shifts.organisationIds = new long[rows.size()];
        shifts.starts = new long[rows.size()];
        shifts.minutes = new int[rows.size()];
        shifts.titles = new String[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            Object[] row = rows.get(i);
            shifts.ids[i] = (Long) row[0];
            shifts.activityIds[i] = (Long) row[1];
            shifts.organisationIds[i] = (Long) row[2];
            shifts.starts[i] = ((Instant) row[3]).getEpochSecond();
            shifts.minutes[i] = (int) Duration.between((Instant) row[3], (Instant) row[4]).toMinutes();
            shifts.titles[i] = ((String) row[5]).intern();
        }
        return shifts;
    }

    // -- the ledger ------------------------------------------------------------------------------------------------

    private static final class Ledger {
        long entries;
        long corrections;
        BigDecimal hours = BigDecimal.ZERO;
    }

    private Ledger ledger(Sizes sizes, int volunteerFrom, Shifts shifts) throws SQLException {
        if (shifts.count == 0) {
            throw new IllegalStateException("no past shifts to credit services at");
        }
        int volunteers = sizes.volunteers();
        int[] services = servicesPerVolunteer(volunteers, sizes.entries());
        long servicesTotal = 0;
        for (int n : services) {
            servicesTotal += n;
        }
        Ledger ledger = new Ledger();
        try (Connection entries = database.connect(); Connection accounts = database.connect()) {
            entries.setAutoCommit(false);
            accounts.setAutoCommit(false);
            // Ids are reserved generously (corrections are drawn as we go), then the sequence is set past the last used.
            long idFrom = reserve(entries, "pg_get_serial_sequence('service_entry', 'id')", servicesTotal * 2 + 10);
            long nextId = idFrom;
            try (CopyStream entryRows = new CopyStream(entries, "service_entry", """
                    id, volunteer_id, seq, kind, refers_to, activity_id, activity_title, shift_id, organisation_id,
                    served_from, served_until, service_date, hours, delta, note, recorded_by, recorded_at, prev_hash,
                    hash""");
                    CopyStream accountRows = new CopyStream(accounts, "hours_account",
                            "volunteer_id, entries, head_hash, total_hours, star_level, updated_at")) {
                int[] chosen = new int[MAX_SERVICES];
                for (int v = 0; v < volunteers; v++) {
                    int n = services[v];
                    if (n == 0) {
                        continue;
                    }
                    long volunteerId = volunteerFrom + v;
                    SplittableRandom draw = random(v, 3);
                    int picked = pickShifts(shifts, n, draw, chosen);
                    Arrays.sort(chosen, 0, picked);
                    String head = BenchLedger.GENESIS;
                    int seq = 0;
                    BigDecimal total = BigDecimal.ZERO;
                    Instant last = null;
                    for (int k = 0; k < picked; k++) {
                        int s = chosen[k];
                        Instant from = Instant.ofEpochSecond(shifts.starts[s]);
                        Instant until = from.plusSeconds(shifts.minutes[s] * 60L);
                        LocalDate day = from.atZone(CITY).toLocalDate();
                        BigDecimal hours = BigDecimal.valueOf(shifts.minutes[s], 0).divide(BigDecimal.valueOf(60), 1,
                                RoundingMode.HALF_UP);
                        Instant recorded = until.plusSeconds(120 + draw.nextInt(600));
                        long id = nextId++;
                        seq++;
                        String hash = BenchLedger.entryHash(volunteerId, seq, EntryKind.CREDIT, null,
                                shifts.activityIds[s], shifts.titles[s], shifts.ids[s], shifts.organisationIds[s], from,
                                until, day, hours, hours, null, null, recorded, head);
                        entryRows.value(id).value(volunteerId).value(seq).value("CREDIT").value(null)
                                .value(shifts.activityIds[s]).value(shifts.titles[s]).value(shifts.ids[s])
                                .value(shifts.organisationIds[s]).value(from).value(until).value(day)
                                .value(hours.toPlainString()).value(hours.toPlainString()).value(null).value(null)
                                .value(recorded).value(head).value(hash).endRow();
                        head = hash;
                        total = total.add(hours);
                        last = recorded;
                        ledger.entries++;
                        if (draw.nextInt(100) == 0) {
                            // The organiser corrects the record an hour later: one hour less (the sign-out was late).
                            BigDecimal corrected = hours.subtract(BigDecimal.ONE).max(BigDecimal.ZERO).setScale(1);
                            BigDecimal delta = corrected.subtract(hours);
                            Instant at = recorded.plusSeconds(3_600);
                            long correctionId = nextId++;
                            seq++;
                            String correctionHash = BenchLedger.entryHash(volunteerId, seq, EntryKind.CORRECTION, id,
                                    shifts.activityIds[s], shifts.titles[s], shifts.ids[s], shifts.organisationIds[s],
                                    from, until, day, corrected, delta, CORRECTION_NOTE, 1L, at, head);
                            entryRows.value(correctionId).value(volunteerId).value(seq).value("CORRECTION").value(id)
                                    .value(shifts.activityIds[s]).value(shifts.titles[s]).value(shifts.ids[s])
                                    .value(shifts.organisationIds[s]).value(from).value(until).value(day)
                                    .value(corrected.toPlainString()).value(delta.toPlainString())
                                    .value(CORRECTION_NOTE).value(1L).value(at).value(head).value(correctionHash)
                                    .endRow();
                            head = correctionHash;
                            total = total.add(delta);
                            last = at;
                            ledger.entries++;
                            ledger.corrections++;
                        }
                    }
                    accountRows.value(volunteerId).value(seq).value(head).value(total.toPlainString())
                            .value(BenchLedger.starLevel(total)).value(last).endRow();
                    ledger.hours = ledger.hours.add(total);
                    if (v % 100_000 == 99_999) {
                        log(String.format(Locale.ROOT, "  ledger: %,d volunteers, %,d entries", v + 1, ledger.entries));
                    }
                }
                entryRows.finish();
                accountRows.finish();
            }
            entries.commit();
            accounts.commit();
            // Credited time refers to its entry, so it follows once the entries are committed: set-based, in the database.
            try (PreparedStatement credited = entries.prepareStatement("""
                    INSERT INTO credited_time (entry_id, volunteer_id, during)
                    SELECT id, volunteer_id, tstzrange(served_from, served_until) FROM service_entry
                    WHERE kind = 'CREDIT' AND id >= ?""")) {
                credited.setLong(1, idFrom);
                credited.executeUpdate();
            }
            try (PreparedStatement setval = entries.prepareStatement(
                    "SELECT setval(pg_get_serial_sequence('service_entry', 'id'), ?)")) {
                setval.setLong(1, nextId - 1);
                setval.execute();
            }
            entries.commit();
        }
        return ledger;
    }

    /**
     * How many services each volunteer has: most 0 to 14, three in a hundred are regulars with 40 to 160 (the ones
     * who reach stars), scaled so that services plus their corrections (one in a hundred) come to about
     * {@code entries}.
     */
    private static int[] servicesPerVolunteer(int volunteers, long entries) {
        int[] services = new int[volunteers];
        double scale = entries / 1.01 / volunteers / (0.97 * 7 + 0.03 * 100);
        for (int v = 0; v < volunteers; v++) {
            SplittableRandom draw = random(v, 4);
            int drawn = draw.nextInt(100) < 3 ? 40 + draw.nextInt(121) : draw.nextInt(15);
            services[v] = (int) Math.min(MAX_SERVICES, Math.round(drawn * scale));
        }
        // Rounding leaves the sum a little off: one more or one less service for volunteers in turn until it is right.
        long wanted = (long) Math.ceil(entries / 1.01);
        long sum = Arrays.stream(services).asLongStream().sum();
        for (int v = 0; sum != wanted; v = (v + 1) % volunteers) {
            if (sum < wanted && services[v] > 0 && services[v] < MAX_SERVICES) {
                services[v]++;
                sum++;
            } else if (sum > wanted && services[v] > 1) {
                services[v]--;
                sum--;
            }
        }
        return services;
    }

    /** Up to {@code n} past shifts on distinct days (so the services never overlap), as indexes into {@code shifts}. */
    private static int pickShifts(Shifts shifts, int n, SplittableRandom draw, int[] chosen) {
        int picked = 0;
        long[] days = new long[n];
        for (int attempt = 0; picked < n && attempt < n * 4; attempt++) {
            int s = draw.nextInt(shifts.count);
            long day = Math.floorDiv(shifts.starts[s] + 8 * 3600, 86_400);
            boolean taken = false;
            for (int k = 0; k < picked; k++) {
                taken |= days[k] == day;
            }
            if (!taken) {
                days[picked] = day;
                chosen[picked++] = s;
            }
        }
        return picked;
    }

    // -- helpers ---------------------------------------------------------------------------------------------------

    /** The organisations below the root; seeds the bench city when there are none. */
    private List<Long> organisations() throws SQLException {
        if (database.queryLong("SELECT count(*) FROM organisation WHERE parent_id IS NOT NULL") == 0) {
            CitySeeder.seed(database);
        }
        List<Long> ids = new ArrayList<>();
        for (var row : database.query("SELECT id FROM organisation WHERE active AND parent_id IS NOT NULL ORDER BY id")) {
            ids.add(((Number) row.get("id")).longValue());
        }
        return ids;
    }

    /** Moves a sequence {@code count} values on and answers the first of them. */
    private static long reserve(Connection connection, String sequence, long count) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT nextval(" + sequence + ")")) {
            long first;
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                first = rows.getLong(1);
            }
            try (PreparedStatement setval = connection.prepareStatement("SELECT setval(" + sequence + ", ?)")) {
                setval.setLong(1, first + count - 1);
                setval.execute();
            }
            return first;
        }
    }

    private void lap(String what, long startedNanos) {
        String line = String.format(Locale.ROOT, "%s: %.1f s", what, (System.nanoTime() - startedNanos) / 1e9);
        timings.add(line);
        log(line);
    }

    private static void log(String message) {
        System.out.println("[city] " + message);
    }
}
