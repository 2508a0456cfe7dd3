package org.leifeng.hours;

/**
 * The result of walking the ledger's chains: intact, or the first broken link — which volunteer, which entry (by id
 * and place in the chain), what is wrong, and the expected and found values.
 */
public record LedgerCheck(boolean intact, long volunteers, long entries, Break firstBreak) {

    public record Break(long volunteerId, Long entryId, Integer seq, String problem, String expected, String found) {
    }
}
