package org.leifeng.identity;

/**
 * An account now exists; published in the transaction that created it. {@code displayName} is its username, or its
 * mobile number masked.
 */
public record AccountCreated(long accountId, String displayName) {
}
