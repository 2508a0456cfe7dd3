package org.leifeng.hours;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Walks the chains: for every entry, its place (seq), its previous hash, and its own hash recomputed from its fields;
 * for every volunteer, that the account's head, entry count, total and star level agree with the chain. Stops at the
 * first broken link, which is where history was changed. Reads one snapshot (REPEATABLE READ): an append committed
 * between reading a chain and its account would otherwise look like a broken head.
 */
@Component
class LedgerVerification {

    private static final int BATCH = 500;

    private final HoursStore store;
    private final StarLevels levels;

    LedgerVerification(HoursStore store, StarLevels levels) {
        this.store = store;
        this.levels = levels;
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public LedgerCheck verifyAll() {
        long volunteers = 0;
        long entries = 0;
        long after = 0;
        List<Long> batch;
        while (!(batch = store.volunteersWithChains(after, BATCH)).isEmpty()) {
            for (long volunteerId : batch) {
                List<LedgerEntry> chain = store.chain(volunteerId);
                LedgerCheck.Break broken = verify(volunteerId, chain);
                volunteers++;
                entries += chain.size();
                if (broken != null) {
                    return new LedgerCheck(false, volunteers, entries, broken);
                }
                after = volunteerId;
            }
        }
        return new LedgerCheck(true, volunteers, entries, null);
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public LedgerCheck verify(long volunteerId) {
        List<LedgerEntry> chain = store.chain(volunteerId);
        LedgerCheck.Break broken = verify(volunteerId, chain);
        return new LedgerCheck(broken == null, 1, chain.size(), broken);
    }

    private LedgerCheck.Break verify(long volunteerId, List<LedgerEntry> chain) {
        String previous = LedgerHash.GENESIS;
        BigDecimal total = BigDecimal.ZERO.setScale(1);
        for (int i = 0; i < chain.size(); i++) {
            LedgerEntry entry = chain.get(i);
            if (entry.seq() != i + 1) {
                return new LedgerCheck.Break(volunteerId, entry.id(), entry.seq(), "sequence", String.valueOf(i + 1),
                        String.valueOf(entry.seq()));
            }
            if (!entry.prevHash().equals(previous)) {
                return new LedgerCheck.Break(volunteerId, entry.id(), entry.seq(), "previous-hash", previous,
                        entry.prevHash());
            }
            String recomputed = LedgerHash.of(entry);
            if (!recomputed.equals(entry.hash())) {
                return new LedgerCheck.Break(volunteerId, entry.id(), entry.seq(), "content", recomputed, entry.hash());
            }
            previous = entry.hash();
            total = total.add(entry.delta());
        }
        HoursStore.Account account = store.account(volunteerId).orElse(null);
        if (account == null) {
            return chain.isEmpty() ? null
                    : new LedgerCheck.Break(volunteerId, null, null, "account-missing", "an account", "none");
        }
        if (account.entries() != chain.size() || !account.headHash().equals(previous)) {
            return new LedgerCheck.Break(volunteerId, null, chain.size(), "account-head",
                    chain.size() + " " + previous, account.entries() + " " + account.headHash());
        }
        if (account.totalHours().compareTo(total) != 0 || account.starLevel() != levels.levelFor(total)) {
            return new LedgerCheck.Break(volunteerId, null, chain.size(), "account-total",
                    total.toPlainString() + " h, level " + levels.levelFor(total),
                    account.totalHours().toPlainString() + " h, level " + account.starLevel());
        }
        return null;
    }
}
