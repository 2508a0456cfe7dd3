package org.leifeng.identity;

/** An account now exists; published in the transaction that created it. */
public record AccountCreated(long accountId, String username) {
}
