package org.leifeng.identity;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The Java side of every authenticated API request: {@link ApiTokens#hash} turns the bearer token into the SHA-256
 * that {@code ApiTokens.authenticate} looks up in {@code api_token}. (The lookup itself is SQL; its cost shows in
 * the ceiling scenario and in pg_stat_statements.)
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TokenCheckBenchmark {

    private String token;

    @Setup
    public void token() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    @Benchmark
    public byte[] hashBearerToken() {
        return ApiTokens.hash(token);
    }
}
