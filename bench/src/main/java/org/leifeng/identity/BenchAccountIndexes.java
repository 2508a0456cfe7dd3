package org.leifeng.identity;

/**
 * Bench-side door to the blind-index purpose of accounts named by a mobile number ({@link SignInNames}, package-private),
 * so seeded volunteers sign in with their number exactly like registered ones.
 */
public final class BenchAccountIndexes {

    private BenchAccountIndexes() {
    }

    public static String mobilePurpose() {
        return SignInNames.MOBILE_INDEX;
    }
}
