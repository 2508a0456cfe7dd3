package org.leifeng.identity;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

import org.leifeng.platform.Problem;
import org.leifeng.platform.TooManyAttempts;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Checks a username and password, for the sign-in page and the token endpoint alike, with the lockout rule. */
@Service
class SignIn {

    private final AccountStore accounts;
    private final Passwords passwords;
    private final JdbcClient jdbc;
    private final LockoutPolicy lockout;
    private final Clock clock;

    SignIn(AccountStore accounts, Passwords passwords, JdbcClient jdbc, SecurityProperties properties, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.jdbc = jdbc;
        this.lockout = properties.lockout();
        this.clock = clock;
    }

    /**
     * The caller these credentials belong to. A locked account is refused with 429 before its password is looked
     * at; a wrong password counts towards the lock, and the failure that reaches the limit locks it.
     */
    @Transactional(noRollbackFor = BadCredentials.class)
    Caller authenticate(String username, String password, String remoteAddress) {
        Instant now = clock.instant();
        String typed = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        String key = accounts.failureKey(typed);
        // Locked until commit, so concurrent attempts see each other's failures and the lock they earn.
        Optional<AccountStore.StoredAccount> account = accounts.findBySignInNameForUpdate(typed);
        Instant lockedUntil = account.map(AccountStore.StoredAccount::lockedUntil).map(OffsetDateTime::toInstant).orElse(null);
        long secondsLeft = lockout.secondsLeft(lockedUntil, now);
        if (secondsLeft > 0) {
            throw new AccountLocked(secondsLeft);
        }
        boolean valid = passwords.matches(password, account.map(AccountStore.StoredAccount::passwordHash).orElse(null));
        if (valid && account.get().enabled()) {
            jdbc.sql("DELETE FROM sign_in_failure WHERE username_key = :key").param("key", key).update();
            return new Caller(account.get().id(), account.get().displayName());
        }
        recordFailure(key, remoteAddress, now, account, lockedUntil);
        throw new BadCredentials();
    }

    private void recordFailure(String key, String remoteAddress, Instant now,
            Optional<AccountStore.StoredAccount> account, Instant lockedUntil) {
        if (key.isEmpty() || key.length() > 64) {
            return;
        }
        jdbc.sql("INSERT INTO sign_in_failure (username_key, failed_at, remote_address) VALUES (:key, :at, :address)")
                .param("key", key).param("at", at(now)).param("address", remoteAddress).update();
        if (account.isEmpty()) {
            return;
        }
        int recent = jdbc.sql("SELECT count(*) FROM sign_in_failure WHERE username_key = :key AND failed_at >= :since")
                .param("key", key).param("since", at(lockout.countFailuresSince(now, lockedUntil)))
                .query(Integer.class).single();
        lockout.lockUntil(recent, now).ifPresent(until -> jdbc.sql("UPDATE account SET locked_until = :until WHERE id = :id")
                .param("until", at(until)).param("id", account.get().id()).update());
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** 401: the username or the password is wrong (which one is not said). */
    static class BadCredentials extends Problem {
        BadCredentials() {
            super(HttpStatus.UNAUTHORIZED, "problem.badCredentials", "Wrong username or password.");
        }
    }

    /** 429: too many failed sign-ins; try again after the lock ends. */
    static class AccountLocked extends TooManyAttempts {
        AccountLocked(long secondsLeft) {
            super("problem.accountLocked", "Too many failed sign-ins: this account is locked for " + secondsLeft
                    + " more seconds.", secondsLeft);
        }
    }
}
