package org.leifeng.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.Arrays;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.leifeng.platform.Masking;
import org.leifeng.platform.PersonalData;
import org.leifeng.support.LeifengTest;
import org.leifeng.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Migration 27 on a database an older version wrote: a fresh database of the same server is migrated to just before
 * 27, given an account named by its mobile number with an audit entry, a browser session and sign-in failures that
 * name the number, then migrated to 27.
 */
@LeifengTest
class MobileNumbersOutOfAccountsMigrationTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Environment environment;

    @Autowired
    MobileNumbersOutOfAccounts migration;

    @Autowired
    PersonalData personalData;

    @Test
    void movesAnAccountsClearMobileNumberBehindTheBlindIndexAndMasksOrDropsEveryOtherCopy() throws Exception {
        String database = "migration27_" + System.nanoTime();
        jdbc.sql("CREATE DATABASE " + database).update();
        try {
            DataSource old = dataSourceOf(database);
            Flyway.configure().dataSource(old).placeholders(Map.of("cityName", "开封市")).target(lastVersionBefore27())
                    .load().migrate();
            String phone = TestClient.uniquePhone();
            JdbcClient oldDb = JdbcClient.create(old);
            long accountId = oldDb.sql("INSERT INTO account (username, password_hash) VALUES (:phone, 'bcrypt') RETURNING id")
                    .param("phone", phone).query(Long.class).single();
            oldDb.sql("INSERT INTO account (username, password_hash) VALUES ('longting.admin', 'bcrypt')").update();
            oldDb.sql("""
                    INSERT INTO audit_log (actor_id, actor_name, action, detail)
                    VALUES (:id, :phone, 'auth.token', :phone), (NULL, NULL, 'auth.signIn', '登录 +86' || :phone)""")
                    .param("id", accountId).param("phone", phone).update();
            oldDb.sql("""
                    INSERT INTO spring_session (primary_id, session_id, creation_time, last_access_time,
                        max_inactive_interval, expiry_time, principal_name)
                    VALUES ('00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000002', 0, 0, 1800,
                        4102444800000, :principal)""")
                    .param("principal", "Caller[accountId=" + accountId + ", username=" + phone + "]").update();
            oldDb.sql("""
                    INSERT INTO spring_session_attributes (session_primary_id, attribute_name, attribute_bytes)
                    VALUES ('00000000-0000-0000-0000-000000000001', 'SPRING_SECURITY_CONTEXT', :bytes)""")
                    .param("bytes", ("username\u0000" + phone).getBytes(StandardCharsets.UTF_8)).update();
            oldDb.sql("INSERT INTO sign_in_failure (username_key, failed_at) VALUES (:phone, now())")
                    .param("phone", phone).update();

            Flyway.configure().dataSource(old).placeholders(Map.of("cityName", "开封市")).javaMigrations(migration)
                    .target("27").load().migrate();

            Map<String, Object> account = oldDb.sql("SELECT username, phone_index, phone_masked FROM account WHERE id = :id")
                    .param("id", accountId).query().singleRow();
            assertThat(account.get("username")).isNull();
            assertThat((byte[]) account.get("phone_index"))
                    .isEqualTo(personalData.blindIndex(SignInNames.MOBILE_INDEX, phone));
            assertThat(account.get("phone_masked")).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
            assertThat(oldDb.sql("SELECT count(*) FROM account WHERE username = 'longting.admin' AND phone_index IS NULL")
                    .query(Long.class).single()).isOne();
            assertThat(oldDb.sql("SELECT actor_name || ' ' || detail FROM audit_log ORDER BY id").query(String.class).list())
                    .containsExactly(account.get("phone_masked") + " " + account.get("phone_masked"), null);
            assertThat(oldDb.sql("SELECT detail FROM audit_log WHERE actor_id IS NULL").query(String.class).single())
                    .isEqualTo("登录 +86" + account.get("phone_masked"));
            assertThat(Masking.phonesIn("登录 +86" + phone + " 或 410202199001011234"))
                    .as("what the application writes now is masked alike")
                    .isEqualTo("登录 +86" + account.get("phone_masked") + " 或 410202199001011234");
            assertThat(oldDb.sql("SELECT count(*) FROM spring_session").query(Long.class).single()).isZero();
            assertThat(oldDb.sql("SELECT count(*) FROM spring_session_attributes").query(Long.class).single()).isZero();
            assertThat(oldDb.sql("SELECT count(*) FROM sign_in_failure").query(Long.class).single()).isZero();
            assertThatThrownBy(() -> oldDb.sql("UPDATE audit_log SET detail = 'changed'").update())
                    .as("the audit log is append-only again").isInstanceOf(DataIntegrityViolationException.class);
            assertThatThrownBy(() -> oldDb.sql("INSERT INTO account (username, password_hash) VALUES (:phone, 'x')")
                    .param("phone", TestClient.uniquePhone()).update())
                    .as("no account is named by a mobile number in clear").isInstanceOf(DataIntegrityViolationException.class);
        } finally {
            jdbc.sql("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)").update();
        }
    }

    /** The newest SQL migration older than 27, whichever other migrations come after it. */
    private static String lastVersionBefore27() throws Exception {
        return Arrays.stream(new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/V*__*.sql"))
                .map(resource -> Integer.parseInt(resource.getFilename().substring(1, resource.getFilename().indexOf("__"))))
                .filter(version -> version < 27).max(Integer::compare).map(String::valueOf).orElseThrow();
    }

    private DataSource dataSourceOf(String database) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            String url = connection.getMetaData().getURL().replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + database);
            return new DriverManagerDataSource(url, connection.getMetaData().getUserName(),
                    environment.getProperty("spring.datasource.password", ""));
        }
    }
}
