package org.uclg.learning.enrollment;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.uclg.learning.support.Api;
import org.uclg.learning.support.IntegrationBase;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Capacity is never exceeded, whatever arrives at once. */
@MicronautTest(transactional = false)
class SeatConcurrencyIT extends IntegrationBase {
    static final int THREADS = 40;
    static final int CAPACITY = 5;


    @Test
    void fortyConcurrentEnrolmentsFillFiveSeatsAndWaitlistTheRestThenAWithdrawalPromotesTheOldest() throws Exception {
        String cohort = fx.openCohort(CAPACITY);
        List<Api.Account> learners = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            learners.add(fx.learner("rush" + i));
        }

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> results = new ArrayList<>();
        for (Api.Account learner : learners) {
            results.add(pool.submit(() -> {
                start.await();
                return api.post("/api/v1/cohorts/" + cohort + "/enrollments", Map.of(), learner.token());
            }));
        }
        start.countDown();
        int enrolled = 0;
        int waitlisted = 0;
        for (Future<Api.Response> f : results) {
            Api.Response r = f.get(60, TimeUnit.SECONDS);
            assertEquals(201, r.status(), r.body());
            switch ((String) r.json().get("status")) {
                case "ENROLLED" -> enrolled++;
                case "WAITLISTED" -> waitlisted++;
                default -> throw new AssertionError(r.body());
            }
        }
        pool.shutdown();
        assertEquals(CAPACITY, enrolled);
        assertEquals(THREADS - CAPACITY, waitlisted);

        assertEquals(5L, fx.scalar("SELECT count(*) FROM enrollments WHERE cohort_id = ?::uuid AND status = 'ENROLLED'", cohort));
        assertEquals(35L, fx.scalar("SELECT count(*) FROM enrollments WHERE cohort_id = ?::uuid AND status = 'WAITLISTED'", cohort));
        assertEquals(40L, fx.scalar("SELECT count(DISTINCT learner_id) FROM enrollments WHERE cohort_id = ?::uuid", cohort));
        assertEquals(CAPACITY, fx.scalar("SELECT seats_taken FROM cohorts WHERE id = ?::uuid", cohort));

        // the oldest waitlisted (first in waitlist order) takes the seat a withdrawal frees
        List<Map<String, Object>> queue = fx.rows("""
                SELECT id::text AS id FROM enrollments WHERE cohort_id = ?::uuid AND status = 'WAITLISTED'
                ORDER BY waitlisted_at, id""", cohort);
        String oldest = (String) queue.get(0).get("id");
        String next = (String) queue.get(1).get("id");
        Map<String, Object> seated = fx.rows("""
                SELECT e.id::text AS id, e.learner_id::text AS learner FROM enrollments e
                WHERE e.cohort_id = ?::uuid AND e.status = 'ENROLLED' LIMIT 1""", cohort).get(0);
        Api.Account leaving = learners.stream().filter(l -> l.id().equals(seated.get("learner"))).findFirst().orElseThrow();

        var withdrawn = api.post("/api/v1/enrollments/" + seated.get("id") + "/withdraw", Map.of(), leaving.token());
        assertEquals(200, withdrawn.status(), withdrawn.body());
        assertEquals("ENROLLED", fx.status(oldest));
        assertEquals("WAITLISTED", fx.status(next));
        assertEquals(5L, fx.scalar("SELECT count(*) FROM enrollments WHERE cohort_id = ?::uuid AND status = 'ENROLLED'", cohort));
        assertEquals(34L, fx.scalar("SELECT count(*) FROM enrollments WHERE cohort_id = ?::uuid AND status = 'WAITLISTED'", cohort));
        assertEquals(CAPACITY, fx.scalar("SELECT seats_taken FROM cohorts WHERE id = ?::uuid", cohort));
    }

    @Test
    void concurrentWithdrawalsNeverPromoteMoreThanTheSeatsFreed() throws Exception {
        String cohort = fx.openCohort(3);
        List<Api.Account> learners = new ArrayList<>();
        List<String> enrollments = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Api.Account l = fx.learner("churn" + i);
            learners.add(l);
            enrollments.add((String) fx.enroll(cohort, l.token()).get("id"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> results = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int k = i;
            results.add(pool.submit(() -> {
                start.await();
                return api.post("/api/v1/enrollments/" + enrollments.get(k) + "/withdraw", Map.of(), learners.get(k).token());
            }));
        }
        start.countDown();
        for (Future<Api.Response> f : results) {
            assertEquals(200, f.get(60, TimeUnit.SECONDS).status());
        }
        pool.shutdown();
        assertEquals(3L, fx.scalar("SELECT count(*) FROM enrollments WHERE cohort_id = ?::uuid AND status = 'ENROLLED'", cohort));
        assertEquals(4L, fx.scalar("SELECT count(*) FROM enrollments WHERE cohort_id = ?::uuid AND status = 'WAITLISTED'", cohort));
        for (int i = 3; i < 6; i++) {
            assertEquals("ENROLLED", fx.status(enrollments.get(i)), "waitlisted in position " + (i - 2));
        }
        assertEquals(3, fx.scalar("SELECT seats_taken FROM cohorts WHERE id = ?::uuid", cohort));
    }
}
