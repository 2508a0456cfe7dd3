package org.leifeng.identity;

/**
 * Bench-side door to {@link ApiTokens#hash} (package-private): seeded tokens are stored exactly as the application
 * stores the ones it issues, so the bearer-token filter finds them by the same lookup.
 */
public final class BenchTokens {

    private BenchTokens() {
    }

    public static byte[] hash(String token) {
        return ApiTokens.hash(token);
    }
}
