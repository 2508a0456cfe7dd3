package org.leifeng.bench;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.leifeng.identity.BenchAccountIndexes;
import org.leifeng.identity.BenchTokens;
import org.leifeng.platform.BenchPersonalData;
import org.leifeng.platform.Masking;
import org.leifeng.platform.PersonalData;
import org.leifeng.platform.internal.BenchKeys;
import org.leifeng.volunteer.BenchVolunteerIndexes;
import org.leifeng.volunteer.ResidentIdNumber;
import org.leifeng.volunteer.VolunteerNumber;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Registered volunteers with API tokens, in bulk: tens of thousands in seconds instead of one BCrypt and one
 * registration request each. Rows are written as the application writes them, with the application's own code:
 * ID numbers valid under GB 11643 ({@link ResidentIdNumber}), sealed and blind-indexed by {@link PersonalData} under
 * the installation's keys (read from its data directory), masked by {@link Masking}, volunteer numbers from
 * {@code volunteer_number_serial} through {@link VolunteerNumber}, a VOLUNTEER grant at their organisation, and a
 * token stored as its SHA-256 ({@code ApiTokens.hash}). They share one BCrypt hash of {@link #PASSWORD}, so any of
 * them can also sign in. Not written: the AccountCreated/VolunteerRegistered events, which no module listens to yet.
 */
final class VolunteerSeeder {

    static final String PASSWORD = "Leifeng-bench-2026";
    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final String[] AREA_CODES = {"410202", "410203", "410204", "410205", "410212", "410221", "410222",
            "410223", "410225"};
    private static final String[] SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗".split("");
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟",
            "涛", "明", "超", "霞", "平", "刚"};
    private static final int BATCH = 1_000;

    private final Database database;
    private final PersonalData personalData;
    private final SecureRandom random = new SecureRandom();

    VolunteerSeeder(Database database, Path dataDir) {
        this.database = database;
        this.personalData = BenchPersonalData.with(BenchKeys.fromDataDir(dataDir));
    }

    /** Seeds {@code count} volunteers spread over {@code organisations}; their tokens expire in a day. */
    List<SeededVolunteer> seed(int count, List<Long> organisations) throws SQLException {
        return seed(0, count, organisations);
    }

    /**
     * Seeds the volunteers numbered {@code first} to {@code first + count - 1}: the number picks the phone (the
     * username) and the ID number, so ranges that do not overlap give distinct volunteers (scenarios that need
     * volunteers of their own seed them after the shared ones).
     */
    List<SeededVolunteer> seed(int first, int count, List<Long> organisations) throws SQLException {
        String passwordHash = new BCryptPasswordEncoder(10).encode(PASSWORD);
        LocalDate today = LocalDate.now(CITY);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<SeededVolunteer> seeded = new ArrayList<>(count);
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            List<Long> accountIds = nextValues(connection, "pg_get_serial_sequence('account', 'id')", count);
            List<Long> volunteerIds = nextValues(connection, "pg_get_serial_sequence('volunteer', 'id')", count);
            List<Long> serials = nextValues(connection, "'volunteer_number_serial'", count);
            try (PreparedStatement account = connection.prepareStatement(
                    "INSERT INTO account (id, phone_index, phone_masked, password_hash) VALUES (?, ?, ?, ?)");
                    PreparedStatement grant = connection.prepareStatement(
                            "INSERT INTO role_grant (account_id, role, organisation_id) VALUES (?, 'VOLUNTEER', ?)");
                    PreparedStatement volunteer = connection.prepareStatement("""
                            INSERT INTO volunteer (id, account_id, volunteer_number, organisation_id, name, id_type,
                                id_number_cipher, id_number_key, id_number_index, id_number_masked,
                                phone_cipher, phone_key, phone_index, phone_masked, birth_date, sex,
                                consent_version, consented_at)
                            VALUES (?, ?, ?, ?, ?, 'RESIDENT_ID', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '2026-11', ?)""");
                    PreparedStatement token = connection.prepareStatement(
                            "INSERT INTO api_token (account_id, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?)")) {
                for (int n = 0; n < count; n++) {
                    int i = first + n;
                    long accountId = accountIds.get(n);
                    long organisation = organisations.get(i % organisations.size());
                    String phone = "170" + String.format("%08d", i);
                    ResidentIdNumber id = ResidentIdNumber.parse(residentId(i, today), today);
                    String secret = newToken();

                    account.setLong(1, accountId);
                    account.setBytes(2, personalData.blindIndex(BenchAccountIndexes.mobilePurpose(), phone));
                    account.setString(3, Masking.phone(phone));
                    account.setString(4, passwordHash);
                    account.addBatch();
                    grant.setLong(1, accountId);
                    grant.setLong(2, organisation);
                    grant.addBatch();
                    PersonalData.Sealed sealedId = personalData.seal(id.value());
                    PersonalData.Sealed sealedPhone = personalData.seal(phone);
                    volunteer.setLong(1, volunteerIds.get(n));
                    volunteer.setLong(2, accountId);
                    volunteer.setString(3, VolunteerNumber.issue("4102", serials.get(n)));
                    volunteer.setLong(4, organisation);
                    volunteer.setString(5, SURNAMES[i % SURNAMES.length] + GIVEN[(i / SURNAMES.length) % GIVEN.length]);
                    volunteer.setBytes(6, sealedId.ciphertext());
                    volunteer.setString(7, sealedId.keyId());
                    volunteer.setBytes(8, personalData.blindIndex(BenchVolunteerIndexes.idDocumentPurpose(),
                            "RESIDENT_ID:" + id.value()));
                    volunteer.setString(9, Masking.documentNumber(id.value()));
                    volunteer.setBytes(10, sealedPhone.ciphertext());
                    volunteer.setString(11, sealedPhone.keyId());
                    volunteer.setBytes(12, personalData.blindIndex(BenchVolunteerIndexes.phonePurpose(), phone));
                    volunteer.setString(13, Masking.phone(phone));
                    volunteer.setObject(14, id.birthDate());
                    volunteer.setString(15, id.sex().name());
                    volunteer.setObject(16, now);
                    volunteer.addBatch();
                    token.setLong(1, accountId);
                    token.setBytes(2, BenchTokens.hash(secret));
                    token.setObject(3, now);
                    token.setObject(4, now.plusDays(1));
                    token.addBatch();
                    seeded.add(new SeededVolunteer(accountId, volunteerIds.get(n), phone, secret, id.value()));
                    if ((n + 1) % BATCH == 0 || n + 1 == count) {
                        account.executeBatch();
                        grant.executeBatch();
                        volunteer.executeBatch();
                        token.executeBatch();
                    }
                }
            }
            connection.commit();
        }
        try (Connection connection = database.connect(); var statement = connection.createStatement()) {
            // What autovacuum would have done in the weeks between registering and the day of the rush, done now and
            // not during it (as in ActivitySeeder): statistics, and the hint bits and visibility map of the
            // bulk-inserted pages. Left to autovacuum, it comes round in the first seconds of the sign-up burst, and
            // every first read of a new row sets hint bits, dirtying its page: the burst's first seconds then run far
            // slower than its last (bench/README.md, Seeding).
            statement.execute("VACUUM (ANALYZE) account, volunteer, api_token, role_grant");
        }
        return seeded;
    }

    /**
     * A distinct adult's number for every index: the index's thousands pick the birth day (counting back from 30
     * years ago), its last three digits are the sequence; the area code is one of Kaifeng's districts.
     */
    static String residentId(int index, LocalDate today) {
        LocalDate birth = today.minusYears(30).minusDays(index / 1000);
        String first17 = AREA_CODES[index % AREA_CODES.length] + birth.toString().replace("-", "")
                + String.format("%03d", index % 1000);
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    private String newToken() {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    private static List<Long> nextValues(Connection connection, String sequence, int count) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT nextval(" + sequence + ") FROM generate_series(1, ?)")) {
            statement.setInt(1, count);
            List<Long> values = new ArrayList<>(count);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getLong(1));
                }
            }
            return values;
        }
    }
}
