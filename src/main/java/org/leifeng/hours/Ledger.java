package org.leifeng.hours;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends to a volunteer's chain. Callers {@link #lock} the volunteer first (the account row, FOR UPDATE), check
 * what must hold under that lock (not credited yet, no overlap), then {@link #append}: the entry gets the next
 * sequence number, the head hash as its previous hash, its own hash, and the account moves on — total, star level
 * and head in the same transaction, so they never drift from the chain.
 */
@Component
@EnableConfigurationProperties(StarLevels.class)
class Ledger {

    private final HoursStore store;
    private final StarLevels levels;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Ledger(HoursStore store, StarLevels levels, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.levels = levels;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public HoursStore.Account lock(long volunteerId) {
        return store.lockAccount(volunteerId, now());
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Appended append(HoursStore.Account account, EntryDraft draft) {
        Instant recordedAt = now();
        int seq = account.entries() + 1;
        String hash = LedgerHash.of(account.volunteerId(), seq, draft, recordedAt, account.headHash());
        long id = store.insert(account.volunteerId(), seq, draft, recordedAt, account.headHash(), hash);
        BigDecimal total = account.totalHours().add(draft.delta());
        if (total.signum() < 0) {
            throw new IllegalStateException("A correction would take volunteer " + account.volunteerId()
                    + " below zero hours");
        }
        int level = levels.levelFor(total);
        store.advance(account.volunteerId(), seq, hash, total, level, recordedAt, account.entries());
        LedgerEntry entry = LedgerEntry.appended(id, account.volunteerId(), seq, draft, recordedAt, account.headHash(),
                hash);
        if (draft.delta().signum() != 0) {
            events.publishEvent(new HoursCredited(id, account.volunteerId(), draft.organisationId(), draft.activityId(),
                    draft.serviceDate(), draft.delta(), draft.kind() == EntryKind.CORRECTION ? draft.refersTo() : null));
        }
        for (int reached = account.starLevel() + 1; reached <= level; reached++) {
            events.publishEvent(new StarLevelReached(account.volunteerId(), reached, total));
        }
        return new Appended(entry, new HoursStore.Account(account.volunteerId(), seq, hash, total, level));
    }

    /**
     * Appends many entries to one chain in batches, for loading history (the demo city): the same hashes, totals
     * and star level as one by one, without per-entry events — readers rebuild from the ledger after a load.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public HoursStore.Account appendHistory(long volunteerId, List<EntryDraft> drafts) {
        HoursStore.Account account = lock(volunteerId);
        List<Long> ids = store.nextIds(drafts.size());
        List<LedgerEntry> entries = new ArrayList<>(drafts.size());
        Instant recordedAt = now();
        String head = account.headHash();
        int seq = account.entries();
        BigDecimal total = account.totalHours();
        for (int i = 0; i < drafts.size(); i++) {
            EntryDraft draft = drafts.get(i);
            seq++;
            String hash = LedgerHash.of(volunteerId, seq, draft, recordedAt, head);
            entries.add(LedgerEntry.appended(ids.get(i), volunteerId, seq, draft, recordedAt, head, hash));
            head = hash;
            total = total.add(draft.delta());
        }
        store.insertAll(entries);
        int level = levels.levelFor(total);
        store.advance(volunteerId, seq, head, total, level, recordedAt, account.entries());
        return new HoursStore.Account(volunteerId, seq, head, total, level);
    }

    /** The entry's time as it is stored: the hash is taken over exactly that. */
    private Instant now() {
        return StoredForm.instant(clock.instant());
    }

    record Appended(LedgerEntry entry, HoursStore.Account after) {
    }
}
