package org.leifeng.identity;

import java.util.List;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.leifeng.platform.Masking;
import org.leifeng.platform.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 27, in Java because it needs the blind-index key, which SQL does not have: accounts are named by a
 * mobile number's blind index instead of the number, and what older versions stored in clear goes. Accounts whose
 * username is a mobile number keep their id and password and sign in with the same number; the audit log keeps its
 * rows with the numbers masked; browser sessions end (their principal and serialized caller named the number), so
 * everyone signs in again once; sign-in failures counted under a number are dropped (they only matter for minutes).
 * Spring Boot hands Flyway every {@link JavaMigration} bean.
 */
@Component
class MobileNumbersOutOfAccounts implements JavaMigration {

    private static final String MOBILE_NUMBER = "'^1[3-9][0-9]{9}$'";
    private static final String MOBILE_IN_TEXT = "(?<![0-9])((?:\\+?86|0086)?1[3-9][0-9])[0-9]{4}([0-9]{4})(?![0-9])";

    private final PersonalData personalData;

    MobileNumbersOutOfAccounts(PersonalData personalData) {
        this.personalData = personalData;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("27");
    }

    @Override
    public String getDescription() {
        return "mobile numbers out of accounts";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) {
        JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(context.getConnection(), true));
        jdbc.sql("ALTER TABLE account ALTER COLUMN username DROP NOT NULL").update();
        jdbc.sql("ALTER TABLE account ADD COLUMN phone_index BYTEA, ADD COLUMN phone_masked VARCHAR(20)").update();
        moveClearNumbers(jdbc);
        jdbc.sql("ALTER TABLE account ADD CONSTRAINT account_phone_index_key UNIQUE (phone_index)").update();
        jdbc.sql("""
                ALTER TABLE account ADD CONSTRAINT account_named CHECK (username IS NOT NULL OR phone_index IS NOT NULL),
                    ADD CONSTRAINT account_phone_masked CHECK ((phone_index IS NULL) = (phone_masked IS NULL)),
                    ADD CONSTRAINT account_username_not_a_mobile_number CHECK (username !~ %s)""".formatted(MOBILE_NUMBER))
                .update();
    }

    /**
     * Moves every mobile number still stored in clear behind the blind index or masks it; idempotent. Runs in the
     * caller's transaction.
     */
    void moveClearNumbers(JdbcClient jdbc) {
        List<ClearAccount> clear = jdbc.sql("SELECT id, username FROM account WHERE username ~ " + MOBILE_NUMBER)
                .query(ClearAccount.class).list();
        for (ClearAccount account : clear) {
            jdbc.sql("UPDATE account SET username = NULL, phone_index = :index, phone_masked = :masked WHERE id = :id")
                    .param("index", personalData.blindIndex(SignInNames.MOBILE_INDEX, account.username()))
                    .param("masked", Masking.phone(account.username())).param("id", account.id()).update();
        }
        // audit_log is append-only (trigger audit_log_append_only), and this is the one change it ever takes: the
        // numbers older versions wrote in clear are masked as new entries mask them. The trigger is off only inside
        // this transaction: ALTER TABLE holds audit_log's exclusive lock until commit, so no other session writes or
        // changes a row while it is off, and the trigger is back on before anyone else can.
        jdbc.sql("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only").update();
        // The same pattern as Masking.phonesIn, which masks what is written now.
        jdbc.sql("""
                UPDATE audit_log
                SET actor_name = regexp_replace(actor_name, :mobile, '\\1****\\2', 'g'),
                    detail = regexp_replace(detail, :mobile, '\\1****\\2', 'g')
                WHERE actor_name ~ :mobile OR detail ~ :mobile""")
                .param("mobile", MOBILE_IN_TEXT).update();
        jdbc.sql("ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only").update();
        // Every session: older sessions are indexed under a principal name that carries the number, and their
        // serialized caller holds it.
        jdbc.sql("DELETE FROM spring_session").update();
        // Failures may be counted under a number as typed; they matter for minutes only, so all of them go. The
        // lockout's tables may change in other migrations: whatever holds them now is what is emptied.
        if (jdbc.sql("SELECT to_regclass('sign_in_failure') IS NOT NULL").query(Boolean.class).single()) {
            jdbc.sql("DELETE FROM sign_in_failure").update();
        }
    }

    private record ClearAccount(long id, String username) {
    }
}
