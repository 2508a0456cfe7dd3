package org.leifeng.identity;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Ends browser sessions, which Spring Session keeps in PostgreSQL under the signed-in account's principal name. */
@Component
class BrowserSessions {

    private final JdbcClient jdbc;

    BrowserSessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void endAllOf(long accountId) {
        jdbc.sql("DELETE FROM spring_session WHERE principal_name = :name")
                .param("name", Caller.principalName(accountId)).update();
    }
}
