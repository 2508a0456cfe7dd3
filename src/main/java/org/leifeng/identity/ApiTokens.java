package org.leifeng.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * API tokens: 256 random bits shown once to the client; the database keeps only their SHA-256, so a copy of the
 * database grants no access. A token ends at its expiry or when it is revoked (logout, password change).
 */
@Service
class ApiTokens {

    private static final int TOKEN_BYTES = 32;
    /**
     * Every API call hashes its token, and looking the digest up in the security providers each time costs as much as
     * the hashing itself. A digest resets itself when it completes: each thread reuses one.
     */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(ApiTokens::sha256);

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final SecurityProperties properties;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, SecurityProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    IssuedToken issue(long accountId) {
        byte[] secret = new byte[TOKEN_BYTES];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        OffsetDateTime expiresAt = now.plus(properties.tokenLifetime()).atOffset(ZoneOffset.UTC);
        jdbc.sql("INSERT INTO api_token (account_id, token_hash, created_at, expires_at) VALUES (:account, :hash, :now, :expires)")
                .param("account", accountId).param("hash", hash(token))
                .param("now", now.atOffset(ZoneOffset.UTC)).param("expires", expiresAt).update();
        return new IssuedToken(token, expiresAt);
    }

    Optional<Caller> authenticate(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT a.id, coalesce(a.username, a.phone_masked) FROM api_token t JOIN account a ON a.id = t.account_id
                WHERE t.token_hash = :hash AND t.revoked_at IS NULL AND t.expires_at > :now AND a.enabled""")
                .param("hash", hash(token)).param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .query((rs, row) -> new Caller(rs.getLong(1), rs.getString(2))).optional();
    }

    void revoke(String token) {
        jdbc.sql("UPDATE api_token SET revoked_at = :now WHERE token_hash = :hash AND revoked_at IS NULL")
                .param("hash", hash(token)).param("now", clock.instant().atOffset(ZoneOffset.UTC)).update();
    }

    void revokeAll(long accountId) {
        jdbc.sql("UPDATE api_token SET revoked_at = :now WHERE account_id = :account AND revoked_at IS NULL")
                .param("account", accountId).param("now", clock.instant().atOffset(ZoneOffset.UTC)).update();
    }

    static byte[] hash(String token) {
        return SHA_256.get().digest(token.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    record IssuedToken(String token, OffsetDateTime expiresAt) {
    }
}
