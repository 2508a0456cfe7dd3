package org.leifeng.activity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The secrets in volunteers' private feed URLs: 256 random bits shown once; the database keeps only their SHA-256,
 * so a copy of it opens no feed. One per volunteer: issuing a new one replaces (and so revokes) the old.
 */
@Repository
class CalendarTokens {

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final Clock clock;

    CalendarTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    String issue(long volunteerId) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        jdbc.sql("""
                INSERT INTO calendar_token (volunteer_id, token_hash, created_at) VALUES (:volunteer, :hash, :now)
                ON CONFLICT (volunteer_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = EXCLUDED.created_at""")
                .param("volunteer", volunteerId).param("hash", hash(token)).param("now", OffsetDateTime.now(clock))
                .update();
        return token;
    }

    Optional<Long> volunteerOf(String token) {
        if (token == null || !WELL_FORMED.matcher(token).matches()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT volunteer_id FROM calendar_token WHERE token_hash = :hash").param("hash", hash(token))
                .query(Long.class).optional();
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
