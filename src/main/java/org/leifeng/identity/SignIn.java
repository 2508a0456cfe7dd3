package org.leifeng.identity;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

import org.leifeng.identity.LockoutPolicy.Failures;
import org.leifeng.platform.PersonalData;
import org.leifeng.platform.Problem;
import org.leifeng.platform.TooManyAttempts;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks a username and password, for the sign-in page and the token endpoint alike, with the {@link LockoutPolicy}.
 * Failures are kept in PostgreSQL, so every node counts them alike, without what was typed or the address in clear:
 * a known account by its id, an unknown username and the client address by keyed hash ({@link PersonalData}). An
 * unknown username is paced as a known one is, so the pace does not tell which usernames exist.
 */
@Service
class SignIn {

    static final String USERNAME_INDEX = "sign-in-username";
    static final String CLIENT_INDEX = "sign-in-client";

    private final AccountStore accounts;
    private final Passwords passwords;
    private final JdbcClient jdbc;
    private final LockoutPolicy lockout;
    private final PersonalData personalData;
    private final Clock clock;

    SignIn(AccountStore accounts, Passwords passwords, JdbcClient jdbc, SecurityProperties properties,
            PersonalData personalData, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.jdbc = jdbc;
        this.lockout = properties.lockout();
        this.personalData = personalData;
        this.clock = clock;
    }

    /**
     * The caller these credentials belong to. While this address must wait for this account, the attempt is refused
     * with 429 before its password is looked at; a wrong password counts towards the wait.
     */
    @Transactional(noRollbackFor = BadCredentials.class)
    Caller authenticate(String username, String password, String remoteAddress) {
        Instant now = clock.instant();
        String key = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        // Locked until commit, so concurrent attempts see each other's failures and the waits they earn.
        Optional<AccountStore.StoredAccount> account = accounts.findBySignInNameForUpdate(key);
        Subject subject = account.map(found -> new Subject("account_id", found.id()))
                .orElseGet(() -> new Subject("username_index", personalData.blindIndex(USERNAME_INDEX, key)));
        byte[] client = personalData.blindIndex(CLIENT_INDEX, remoteAddress == null ? "" : remoteAddress);
        long secondsToWait = secondsToWait(subject, client, now);
        if (secondsToWait > 0) {
            throw new AccountLocked(secondsToWait);
        }
        boolean valid = passwords.matches(password, account.map(AccountStore.StoredAccount::passwordHash).orElse(null));
        if (valid && account.get().enabled()) {
            jdbc.sql("DELETE FROM sign_in_failure WHERE account_id = :id AND client_index = :client")
                    .param("id", account.get().id()).param("client", client).update();
            return new Caller(account.get().id(), account.get().displayName());
        }
        if (!key.isEmpty()) {
            jdbc.sql("INSERT INTO sign_in_failure (" + subject.column() + ", client_index, failed_at) "
                    + "VALUES (:subject, :client, :at)")
                    .param("subject", subject.value()).param("client", client).param("at", at(now)).update();
        }
        throw new BadCredentials();
    }

    /** The failures within the policy's window of this subject: from this client, and from every client. */
    private long secondsToWait(Subject subject, byte[] client, Instant now) {
        return jdbc.sql("SELECT count(*) FILTER (WHERE client_index = :client), "
                + "max(failed_at) FILTER (WHERE client_index = :client), count(*), max(failed_at) "
                + "FROM sign_in_failure WHERE " + subject.column() + " = :subject AND failed_at >= :since")
                .param("subject", subject.value()).param("client", client).param("since", at(lockout.countSince(now)))
                .query((rs, row) -> lockout.secondsToWait(
                        new Failures(rs.getInt(1), instant(rs.getObject(2, OffsetDateTime.class))),
                        new Failures(rs.getInt(3), instant(rs.getObject(4, OffsetDateTime.class))), now))
                .single();
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** Whose failures: an account by id, or an unknown username by keyed hash. The column is one of two constants. */
    private record Subject(String column, Object value) {
    }

    /** 401: the username or the password is wrong (which one is not said). */
    static class BadCredentials extends Problem {
        BadCredentials() {
            super(HttpStatus.UNAUTHORIZED, "problem.badCredentials", "Wrong username or password.");
        }
    }

    /** 429: too many failed sign-ins of this account; try again after the wait. */
    static class AccountLocked extends TooManyAttempts {
        AccountLocked(long secondsLeft) {
            super("problem.accountLocked", "Too many failed sign-ins: try this account again in " + secondsLeft
                    + " seconds.", secondsLeft);
        }
    }
}
