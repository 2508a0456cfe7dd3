package org.leifeng.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.leifeng.support.Concurrently;
import org.leifeng.support.LeifengTest;
import org.leifeng.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Real threads, real HTTP, real PostgreSQL: a shift is never overbooked and its counters always equal its rows. */
@LeifengTest
class SignupConcurrencyIntegrationTest {

    @Autowired
    TestClient client;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    SignupBatcher batcher;

    @Test
    void twoThousandVolunteersOnA200PlaceShiftThrough64ThreadsConfirmExactly200AndQueueTheRestInOrder() throws Exception {
        ActivityFixture fixture = new ActivityFixture(client, jdbc);
        String organiser = fixture.cityOrganiserToken();
        long shift = fixture.publishedShift(fixture.activity(ActivityFixture.freshDay(), 200), organiser);
        List<Long> volunteers = fixture.demoVolunteers(2_000);
        assertThat(volunteers).hasSize(2_000);

        ExecutorService pool = Executors.newFixedThreadPool(64);
        List<Future<Integer>> answers = new ArrayList<>();
        for (long volunteer : volunteers) {
            answers.add(pool.submit(() -> client.post("/api/v1/shifts/" + shift + "/signups", organiser,
                    Map.of("volunteerId", volunteer)).status()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();

        assertThat(statuses).containsOnly(201);
        assertThat(fixture.rows(shift, "CONFIRMED")).isEqualTo(200);
        assertThat(fixture.rows(shift, "WAITLISTED")).isEqualTo(1_800);
        assertThat(fixture.counters(shift)).containsEntry("confirmed", 200L).containsEntry("waitlisted", 1_800L);
        assertThat(jdbc.sql("SELECT count(DISTINCT volunteer_id) FROM signup WHERE shift_id = :id").param("id", shift)
                .query(Long.class).single()).isEqualTo(2_000);
        List<Long> positionsInArrivalOrder = jdbc.sql("""
                SELECT waitlist_position FROM signup WHERE shift_id = :id AND status = 'WAITLISTED'
                ORDER BY created_at, id""").param("id", shift).query(Long.class).list();
        assertThat(positionsInArrivalOrder).isSorted().doesNotHaveDuplicates().hasSize(1_800);
    }

    @Test
    void signUpsArrivingWhileTheShiftIsBusyAreDecidedTogetherInArrivalOrderAndATwinAmongThemIsRefusedAlone()
            throws Exception {
        ActivityFixture fixture = new ActivityFixture(client, jdbc);
        String organiser = fixture.cityOrganiserToken();
        long shift = fixture.publishedShift(fixture.activity(ActivityFixture.freshDay(), 5), organiser);
        List<Long> volunteers = fixture.demoVolunteers(11);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Future<TestClient.Answer>> group = new ArrayList<>();
        Future<TestClient.Answer> first;
        try (Connection holder = lockShift(shift)) {
            first = pool.submit(() -> signUp(organiser, shift, volunteers.get(0)));
            awaitAGroupWaitingForTheLock(shift);
            for (long volunteer : volunteers.subList(1, 11)) {
                group.add(pool.submit(() -> signUp(organiser, shift, volunteer)));
                await().atMost(Duration.ofSeconds(10)).until(() -> batcher.waiting(shift) == group.size());
            }
            group.add(pool.submit(() -> signUp(organiser, shift, volunteers.get(3))));
            await().atMost(Duration.ofSeconds(10)).until(() -> batcher.waiting(shift) == 11);
            holder.commit();
        }
        assertThat(first.get().status()).isEqualTo(201);
        List<TestClient.Answer> answers = new ArrayList<>();
        for (Future<TestClient.Answer> answer : group) {
            answers.add(answer.get());
        }
        pool.shutdown();

        assertThat(answers.subList(0, 10)).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(201));
        assertThat(answers.subList(0, 4)).extracting(answer -> answer.json().get("status").asText())
                .containsOnly("CONFIRMED");
        assertThat(answers.subList(4, 10)).extracting(answer -> answer.json().get("waitlistPosition").asLong())
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        TestClient.Answer twin = answers.get(10);
        assertThat(twin.status()).isEqualTo(409);
        assertThat(twin.json().get("signupId").asLong()).isEqualTo(answers.get(2).id());
        assertThat(jdbc.sql("SELECT count(DISTINCT xmin::text) FROM signup WHERE shift_id = :id").param("id", shift)
                .query(Long.class).single()).as("the first sign-up's transaction and the group's").isEqualTo(2);
        assertThat(fixture.counters(shift)).containsEntry("confirmed", 5L).containsEntry("waitlisted", 6L);
    }

    /** A connection of the test's own holding the shift's row lock until it commits. */
    private Connection lockShift(long shift) throws Exception {
        Connection holder = dataSource.getConnection();
        holder.setAutoCommit(false);
        try (PreparedStatement lock = holder.prepareStatement("SELECT id FROM shift WHERE id = ? FOR UPDATE")) {
            lock.setLong(1, shift);
            lock.executeQuery().close();
        }
        return holder;
    }

    /** A group of the shift is in the database waiting for the lock, and no sign-up waits in its lane yet. */
    private void awaitAGroupWaitingForTheLock(long shift) {
        await().atMost(Duration.ofSeconds(10)).until(() -> batcher.waiting(shift) == 0 && jdbc.sql("""
                SELECT count(*) FROM pg_stat_activity
                WHERE wait_event_type = 'Lock' AND query LIKE '%claim_signups(%'""").query(Long.class).single() == 1);
    }

    private TestClient.Answer signUp(String organiser, long shift, long volunteer) {
        return client.post("/api/v1/shifts/" + shift + "/signups", organiser, Map.of("volunteerId", volunteer));
    }

    @Test
    void aGroupThatFailsIsDecidedOneByOneSoOnlyTheSignUpAtFaultFails() throws Exception {
        ActivityFixture fixture = new ActivityFixture(client, jdbc);
        long shift = fixture.publishedShift(fixture.activity(ActivityFixture.freshDay(), 10), fixture.organiserToken());
        long activity = jdbc.sql("SELECT activity_id FROM shift WHERE id = :id").param("id", shift).query(Long.class)
                .single();
        SignupBatcher.LaneKey lane = new SignupBatcher.LaneKey(activity, shift, SignupStatus.CONFIRMED, true);
        List<Long> volunteers = fixture.demoVolunteers(3);
        long noSuchVolunteer = Long.MAX_VALUE;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        Future<SignupStore.Claim> first;
        Future<SignupStore.Claim> before;
        Future<SignupStore.Claim> atFault;
        Future<SignupStore.Claim> after;
        try (Connection holder = lockShift(shift)) {
            first = pool.submit(() -> batcher.claim(lane, volunteers.get(0), null));
            awaitAGroupWaitingForTheLock(shift);
            before = pool.submit(() -> batcher.claim(lane, volunteers.get(1), null));
            await().atMost(Duration.ofSeconds(10)).until(() -> batcher.waiting(shift) == 1);
            atFault = pool.submit(() -> batcher.claim(lane, noSuchVolunteer, null));
            await().atMost(Duration.ofSeconds(10)).until(() -> batcher.waiting(shift) == 2);
            after = pool.submit(() -> batcher.claim(lane, volunteers.get(2), null));
            await().atMost(Duration.ofSeconds(10)).until(() -> batcher.waiting(shift) == 3);
            holder.commit();
        }

        assertThat(first.get().claimed().status()).isEqualTo(SignupStatus.CONFIRMED);
        assertThat(before.get().claimed().status()).isEqualTo(SignupStatus.CONFIRMED);
        assertThat(after.get().claimed().status()).isEqualTo(SignupStatus.CONFIRMED);
        assertThatThrownBy(atFault::get).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(DataIntegrityViolationException.class);
        pool.shutdown();
        assertThat(fixture.rows(shift, "CONFIRMED")).isEqualTo(3);
        assertThat(fixture.counters(shift)).containsEntry("confirmed", 3L);
    }

    @Test
    void tenIdenticalRequestsOfOneVolunteerMakeOneSignUp() throws Exception {
        ActivityFixture fixture = new ActivityFixture(client, jdbc);
        long shift = fixture.publishedShift(fixture.activity(ActivityFixture.freshDay(), 50), fixture.organiserToken());
        ActivityFixture.Volunteer volunteer = fixture.volunteer();

        List<TestClient.Answer> answers = Concurrently.run(10, () -> client.post("/api/v1/shifts/" + shift + "/signups",
                volunteer.token(), null));

        assertThat(answers).filteredOn(answer -> answer.status() == 201).hasSize(1);
        long created = answers.stream().filter(answer -> answer.status() == 201).findFirst().orElseThrow().id();
        assertThat(answers).filteredOn(answer -> answer.status() == 409).hasSize(9)
                .allSatisfy(answer -> assertThat(answer.json().get("signupId").asLong()).isEqualTo(created));
        assertThat(fixture.counters(shift)).containsEntry("confirmed", 1L);
        assertThat(fixture.rows(shift, "CONFIRMED")).isEqualTo(1);
    }

    @Test
    void hundredCancellationsRacingHundredSignUpsLeaveCountersEqualToRows() throws Exception {
        ActivityFixture fixture = new ActivityFixture(client, jdbc);
        String organiser = fixture.cityOrganiserToken();
        long shift = fixture.publishedShift(fixture.activity(ActivityFixture.freshDay(), 100), organiser);
        List<Long> volunteers = fixture.demoVolunteers(200);
        List<Long> firstSignups = new ArrayList<>();
        for (long volunteer : volunteers.subList(0, 100)) {
            firstSignups.add(client.post("/api/v1/shifts/" + shift + "/signups", organiser,
                    Map.of("volunteerId", volunteer)).id());
        }
        assertThat(fixture.counters(shift)).containsEntry("confirmed", 100L);

        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            long cancel = firstSignups.get(i);
            long join = volunteers.get(100 + i);
            answers.add(pool.submit(() -> client.delete("/api/v1/signups/" + cancel, organiser).status()));
            answers.add(pool.submit(() -> client.post("/api/v1/shifts/" + shift + "/signups", organiser,
                    Map.of("volunteerId", join)).status()));
        }
        for (Future<Integer> answer : answers) {
            assertThat(answer.get()).isIn(200, 201);
        }
        pool.shutdown();

        Map<String, Long> counters = fixture.counters(shift);
        assertThat(counters.get("confirmed")).isEqualTo(fixture.rows(shift, "CONFIRMED")).isEqualTo(100L);
        assertThat(counters.get("waitlisted")).isEqualTo(fixture.rows(shift, "WAITLISTED")).isZero();
        assertThat(fixture.rows(shift, "CANCELLED")).isEqualTo(100);
    }
}
