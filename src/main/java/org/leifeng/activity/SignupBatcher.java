package org.leifeng.activity;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.postgresql.util.PSQLException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.util.Assert;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides the sign-ups that arrive together for one shift in one transaction, in arrival order.
 *
 * <p>Every sign-up of a shift holds the shift's row lock until its commit is flushed to disk, so one transaction per
 * sign-up makes the flush time the ceiling of a burst (a flush takes milliseconds under load, which allows a few
 * hundred sign-ups a second for a shift, whatever the machine). Here the requests for a shift wait in its lane while
 * the lane's previous group commits; the next group then takes all of them at once ({@code claim_signups}), and
 * everyone is answered after that group's commit. Durability stays synchronous and the database's constraints still
 * decide capacity, duplicates and overlaps; a group only shares the lock and the flush.
 */
@Component
class SignupBatcher implements DisposableBean {

    /** The most sign-ups one transaction decides: the shift stays locked through all of them. */
    static final int MOST_PER_GROUP = 128;

    /** Shifts decided at the same time; each holds a connection while its group runs. */
    private static final int DECIDERS = 8;

    private final SignupStore store;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final ConcurrentHashMap<LaneKey, Lane> lanes = new ConcurrentHashMap<>();
    private final ExecutorService deciders;

    SignupBatcher(SignupStore store, TransactionTemplate transaction, ApplicationEventPublisher events) {
        this.store = store;
        this.transaction = transaction;
        this.events = events;
        AtomicInteger number = new AtomicInteger();
        this.deciders = Executors.newFixedThreadPool(DECIDERS, task -> {
            Thread thread = new Thread(task, "signup-decider-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** What one sign-up asks for; every request of a lane asks the same of the same shift. */
    record LaneKey(long activityId, long shiftId, SignupStatus wanted, boolean waitlist) {
    }

    /**
     * Signs the volunteer up with the others waiting for the shift and answers once their transaction has committed
     * (then a {@link SignedUp} has been published for each sign-up made). Blocks the calling thread until then.
     */
    SignupStore.Claim claim(LaneKey key, long volunteerId, Long createdBy) {
        // The group commits on its own: inside a caller's transaction that locked the shift, it would wait forever.
        Assert.state(!TransactionSynchronizationManager.isActualTransactionActive(),
                "sign-ups are decided in their own transaction; call this outside one");
        Waiting waiting = new Waiting(volunteerId, createdBy, new CompletableFuture<>());
        Lane lane = lanes.computeIfAbsent(key, Lane::new);
        lane.waiting.add(waiting);
        if (lane.scheduled.compareAndSet(false, true)) {
            deciders.execute(() -> drain(lane));
        }
        try {
            return waiting.answer.join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw failed;
        }
    }

    /** How many sign-ups wait for the shift's next group (for tests that hold the shift's lock). */
    int waiting(long shiftId) {
        return lanes.values().stream().filter(lane -> lane.key.shiftId() == shiftId)
                .mapToInt(lane -> lane.waiting.size()).sum();
    }

    /**
     * Decides groups until the lane is empty. A lane that empties is dropped from the map so idle shifts cost nothing;
     * a request that still reached the dropped lane schedules it again itself (its compare-and-set wins), and a second
     * lane made for the same shift meanwhile only queues on the shift's row lock like any other transaction.
     */
    private void drain(Lane lane) {
        while (true) {
            List<Waiting> group = lane.take();
            if (!group.isEmpty()) {
                decide(lane.key, group);
                continue;
            }
            lane.scheduled.set(false);
            if (lane.waiting.isEmpty() || !lane.scheduled.compareAndSet(false, true)) {
                lanes.remove(lane.key, lane);
                return;
            }
        }
    }

    private void decide(LaneKey key, List<Waiting> group) {
        List<SignupStore.Claim> outcomes;
        try {
            outcomes = transaction.execute(status -> claimAndPublish(key, group));
        } catch (RuntimeException | Error failed) {
            if (group.size() > 1) {
                decideOneByOne(key, group);
            } else {
                failedAlone(group.get(0), failed);
            }
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            group.get(i).answer.complete(outcomes.get(i));
        }
    }

    /**
     * After a group failed: a constraint raised for a sign-up that the look-ups could not see (an overlapping one for
     * another shift, committed at the same moment), or a deadlock between two such groups. What went wrong for one
     * must not fail the others.
     */
    private void decideOneByOne(LaneKey key, List<Waiting> group) {
        group.forEach(alone -> decide(key, List.of(alone)));
    }

    /**
     * A sign-up decided alone failed. When a constraint refused it as it was inserted, the answer is the one the
     * look-ups give when they catch it first; anything else is the request's failure. The constraint is read from the
     * server's report, not its message: the message quotes the statement, which names both constraints.
     */
    private static void failedAlone(Waiting waiting, Throwable failed) {
        String constraint = failed instanceof DataIntegrityViolationException refused
                && refused.getMostSpecificCause() instanceof PSQLException violation
                && violation.getServerErrorMessage() != null
                ? Stream.of("signup_live_once", "signup_no_overlap")
                        .filter(name -> name.equals(violation.getServerErrorMessage().getConstraint()))
                        .findFirst().orElse(null)
                : null;
        if (constraint == null) {
            waiting.answer.completeExceptionally(failed);
        } else {
            waiting.answer.complete(new SignupStore.Claim(null, constraint));
        }
    }

    private List<SignupStore.Claim> claimAndPublish(LaneKey key, List<Waiting> group) {
        List<SignupStore.Claim> outcomes = store.claimAll(key.shiftId(),
                group.stream().map(Waiting::volunteerId).toList(),
                group.stream().map(Waiting::createdBy).toList(), // may hold nulls: Stream.toList allows them
                key.wanted(), key.waitlist());
        for (int i = 0; i < group.size(); i++) {
            SignupStore.Claimed claimed = outcomes.get(i).claimed();
            if (claimed != null) {
                events.publishEvent(new SignedUp(claimed.id(), key.shiftId(), key.activityId(),
                        group.get(i).volunteerId(), claimed.status()));
            }
        }
        return outcomes;
    }

    @Override
    public void destroy() throws InterruptedException {
        deciders.shutdown();
        deciders.awaitTermination(10, TimeUnit.SECONDS);
    }

    private record Waiting(long volunteerId, Long createdBy, CompletableFuture<SignupStore.Claim> answer) {
    }

    private static final class Lane {

        final LaneKey key;
        final Queue<Waiting> waiting = new ConcurrentLinkedQueue<>();
        final AtomicBoolean scheduled = new AtomicBoolean();

        Lane(LaneKey key) {
            this.key = key;
        }

        List<Waiting> take() {
            List<Waiting> group = new ArrayList<>();
            for (Waiting next = waiting.poll(); next != null; next = group.size() < MOST_PER_GROUP ? waiting.poll() : null) {
                group.add(next);
            }
            return group;
        }
    }
}
