package org.uclg.learning.enrollment;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.uclg.learning.support.Api;
import org.uclg.learning.support.IntegrationBase;
import org.uclg.learning.support.Fixtures;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.uclg.learning.support.Fixtures.cohortBody;
import static org.uclg.learning.support.Fixtures.errorFields;

@MicronautTest(transactional = false)
class EnrollmentLifecycleIT extends IntegrationBase {

    private Api.Response post(String path, String token) {
        return api.post(path, Map.of(), token);
    }

    @Test
    void selfEnrolmentInAnOpenCohortTakesASeat() {
        String cohort = fx.openCohort(3);
        Api.Account learner = fx.learner("self");
        var r = post("/api/v1/cohorts/" + cohort + "/enrollments", learner.token());
        assertEquals(201, r.status(), r.body());
        assertEquals("ENROLLED", r.json().get("status"));
        assertEquals(cohort, r.json().get("cohortId"));
        assertEquals(learner.id(), r.json().get("learnerId"));
        String id = (String) r.json().get("id");
        assertEquals("ENROLLED", fx.status(id));
        assertEquals(1, fx.scalar("SELECT seats_taken FROM cohorts WHERE id = ?::uuid", cohort));
        var c = api.get("/api/v1/cohorts/" + cohort, learner.token()).json();
        assertEquals(1, c.get("seatsTaken"));
        assertEquals(2, c.get("seatsLeft"));
    }

    @Test
    void aFullCohortWaitlistsAndAWithdrawalPromotesTheOldestWaitlisted() {
        String cohort = fx.openCohort(2);
        Api.Account a = fx.learner("a");
        Api.Account b = fx.learner("b");
        Api.Account c = fx.learner("c");
        Api.Account d = fx.learner("d");
        String ea = (String) fx.enroll(cohort, a.token()).get("id");
        fx.enroll(cohort, b.token());
        var wc = fx.enroll(cohort, c.token());
        var wd = fx.enroll(cohort, d.token());
        assertEquals("WAITLISTED", wc.get("status"));
        assertEquals("WAITLISTED", wd.get("status"));

        var withdrawn = post("/api/v1/enrollments/" + ea + "/withdraw", a.token());
        assertEquals(200, withdrawn.status(), withdrawn.body());
        assertEquals("WITHDRAWN", withdrawn.json().get("status"));
        assertNotNull(withdrawn.json().get("withdrawnAt"));

        assertEquals("WITHDRAWN", fx.status(ea));
        assertEquals("ENROLLED", fx.status((String) wc.get("id")));
        assertEquals("WAITLISTED", fx.status((String) wd.get("id")));
        assertEquals(2, fx.scalar("SELECT seats_taken FROM cohorts WHERE id = ?::uuid", cohort));
        assertEquals("ENROLLED", api.get("/api/v1/enrollments/" + wc.get("id"), c.token()).json().get("status"));
    }

    @Test
    void applicationsAreAcceptedIntoASeatOrTheWaitlistOrRejected() {
        Api.Account trainer = fx.certifiedTrainer("reviewer", "SDG-4");
        String cohort = (String) fx.createCohort(cohortBody("SDG-4", "FACILITATED", 1, "APPLICATION", "EUROPE",
                List.of(trainer.id())), fx.admin()).get("id");
        Api.Account first = fx.learner("applicant1");
        Api.Account second = fx.learner("applicant2");
        Api.Account third = fx.learner("applicant3");
        var a1 = fx.enroll(cohort, first.token());
        var a2 = fx.enroll(cohort, second.token());
        var a3 = fx.enroll(cohort, third.token());
        assertEquals("APPLIED", a1.get("status"));
        assertEquals(0, fx.scalar("SELECT seats_taken FROM cohorts WHERE id = ?::uuid", cohort));

        var accepted = post("/api/v1/enrollments/" + a1.get("id") + "/accept", trainer.token());
        assertEquals(200, accepted.status(), accepted.body());
        assertEquals("ENROLLED", accepted.json().get("status"));
        var waitlisted = post("/api/v1/enrollments/" + a2.get("id") + "/accept", trainer.token());
        assertEquals("WAITLISTED", waitlisted.json().get("status"));
        var rejected = post("/api/v1/enrollments/" + a3.get("id") + "/reject", trainer.token());
        assertEquals("REJECTED", rejected.json().get("status"));
        assertNotNull(rejected.json().get("rejectedAt"));

        assertEquals("ENROLLED", fx.status((String) a1.get("id")));
        assertEquals("WAITLISTED", fx.status((String) a2.get("id")));
        assertEquals("REJECTED", fx.status((String) a3.get("id")));
        assertEquals(1, fx.scalar("SELECT seats_taken FROM cohorts WHERE id = ?::uuid", cohort));

        // a rejected applicant keeps the decision: no second application
        var again = post("/api/v1/cohorts/" + cohort + "/enrollments", third.token());
        assertEquals(409, again.status());
    }

    @Test
    void completionMovesEnrolledToCompletedAndKeepsTheSeat() {
        Api.Account trainer = fx.trainer("completer");
        String cohort = (String) fx.createCohort(cohortBody("SDG-3", "SELF_PACED", 5, "OPEN", "AFRICA",
                List.of(trainer.id())), fx.admin()).get("id");
        Api.Account learner = fx.learner("finisher");
        String id = (String) fx.enroll(cohort, learner.token()).get("id");

        assertEquals(403, post("/api/v1/enrollments/" + id + "/complete", learner.token()).status());
        var done = post("/api/v1/enrollments/" + id + "/complete", trainer.token());
        assertEquals(200, done.status(), done.body());
        assertEquals("COMPLETED", done.json().get("status"));
        assertNotNull(done.json().get("completedAt"));
        var row = fx.rows("SELECT status, completed_at FROM enrollments WHERE id = ?::uuid", id).get(0);
        assertEquals("COMPLETED", row.get("status"));
        assertNotNull(row.get("completed_at"));
        assertEquals(1, fx.scalar("SELECT seats_taken FROM cohorts WHERE id = ?::uuid", cohort));
        assertEquals(0L, fx.scalar("SELECT count(*) FROM trainer_certifications WHERE trainer_id = ?::uuid", learner.id()));
    }

    @Test
    void transitionsOutsideTheLifecycleAre409AndChangeNothing() {
        Api.Account trainer = fx.trainer("strict");
        String cohort = (String) fx.createCohort(cohortBody("RES-1", "SELF_PACED", 1, "OPEN", "AFRICA",
                List.of(trainer.id())), fx.admin()).get("id");
        Api.Account seated = fx.learner("seated");
        Api.Account waiting = fx.learner("waiting");
        String enrolled = (String) fx.enroll(cohort, seated.token()).get("id");
        String waitlisted = (String) fx.enroll(cohort, waiting.token()).get("id");

        for (String action : List.of("accept", "reject")) {
            var r = post("/api/v1/enrollments/" + enrolled + "/" + action, trainer.token());
            assertEquals(409, r.status(), action + " " + r.body());
            assertEquals("application/problem+json", r.contentType());
            assertEquals(List.of("status"), errorFields(r));
        }
        for (String action : List.of("withdraw", "complete", "accept", "reject")) {
            assertEquals(409, post("/api/v1/enrollments/" + waitlisted + "/" + action, trainer.token()).status(), action);
        }
        assertEquals(200, post("/api/v1/enrollments/" + enrolled + "/complete", trainer.token()).status());
        for (String action : List.of("withdraw", "complete", "accept", "reject")) {
            assertEquals(409, post("/api/v1/enrollments/" + enrolled + "/" + action, trainer.token()).status(), action);
        }
        assertEquals("COMPLETED", fx.status(enrolled));
        assertEquals("WAITLISTED", fx.status(waitlisted));
        assertEquals(1, fx.scalar("SELECT seats_taken FROM cohorts WHERE id = ?::uuid", cohort));
    }

    @Test
    void aLearnerHoldsOnePlacePerCohortButMayEnrolAgainAfterWithdrawing() {
        String cohort = fx.openCohort(10);
        Api.Account learner = fx.learner("twice");
        String first = (String) fx.enroll(cohort, learner.token()).get("id");
        var dup = post("/api/v1/cohorts/" + cohort + "/enrollments", learner.token());
        assertEquals(409, dup.status());
        assertEquals(List.of("learnerId"), errorFields(dup));

        assertEquals(200, post("/api/v1/enrollments/" + first + "/withdraw", learner.token()).status());
        var again = post("/api/v1/cohorts/" + cohort + "/enrollments", learner.token());
        assertEquals(201, again.status(), again.body());
        assertEquals("ENROLLED", again.json().get("status"));
        assertEquals(2L, fx.scalar("SELECT count(*) FROM enrollments WHERE cohort_id = ?::uuid AND learner_id = ?::uuid", cohort, learner.id()));
        assertEquals(1, fx.scalar("SELECT seats_taken FROM cohorts WHERE id = ?::uuid", cohort));
    }

    @Test
    void trainersCoordinatorsAndAdminsEnrolNamedLearnersOthersCannot() {
        Api.Account trainer = fx.trainer("enroller");
        String cohort = (String) fx.createCohort(cohortBody("SDG-1", "TOT", 10, "APPLICATION", "LATAM",
                List.of(trainer.id())), fx.admin()).get("id");
        Api.Account learner = fx.learner("named");
        Api.Account other = fx.learner("meddler");

        var byLearner = api.post("/api/v1/cohorts/" + cohort + "/enrollments", Map.of("learnerId", learner.id()), other.token());
        assertEquals(403, byLearner.status());
        var byOtherCoordinator = api.post("/api/v1/cohorts/" + cohort + "/enrollments", Map.of("learnerId", learner.id()),
                fx.coordinator("wrong-section", "ASPAC").token());
        assertEquals(403, byOtherCoordinator.status());
        assertEquals(0L, fx.scalar("SELECT count(*) FROM enrollments WHERE cohort_id = ?::uuid", cohort));

        // a manager's enrolment is a decision already: a seat, not an application
        var byTrainer = api.post("/api/v1/cohorts/" + cohort + "/enrollments", Map.of("learnerId", learner.id()), trainer.token());
        assertEquals(201, byTrainer.status(), byTrainer.body());
        assertEquals("ENROLLED", byTrainer.json().get("status"));
        assertEquals(trainer.id(), fx.scalar("SELECT enrolled_by::text FROM enrollments WHERE id = ?::uuid", byTrainer.json().get("id")));

        var byCoordinator = api.post("/api/v1/cohorts/" + cohort + "/enrollments", Map.of("learnerId", other.id()),
                fx.coordinator("latam", "LATAM").token());
        assertEquals(201, byCoordinator.status(), byCoordinator.body());

        var unknown = api.post("/api/v1/cohorts/" + cohort + "/enrollments",
                Map.of("learnerId", "00000000-0000-0000-0000-000000000002"), fx.admin());
        assertEquals(400, unknown.status());
        assertEquals(List.of("learnerId"), errorFields(unknown));
        var malformed = api.post("/api/v1/cohorts/" + cohort + "/enrollments", Map.of("learnerId", "nobody"), fx.admin());
        assertEquals(400, malformed.status(), malformed.body());
        assertEquals(List.of("learnerId"), errorFields(malformed));
    }

    @Test
    void whoSeesWhat() {
        Api.Account trainer = fx.trainer("roster-owner");
        Api.Account coordinator = fx.coordinator("roster-coord", "METROPOLIS");
        Api.Account foreignCoordinator = fx.coordinator("roster-foreign", "MEWA");
        String cohort = (String) fx.createCohort(cohortBody("RES-2", "SELF_PACED", 10, "OPEN", "METROPOLIS",
                List.of(trainer.id())), fx.admin()).get("id");
        Api.Account learner = fx.learner("seen");
        Api.Account stranger = fx.learner("stranger");
        String id = (String) fx.enroll(cohort, learner.token()).get("id");

        var own = api.get("/api/v1/enrollments/" + id, learner.token());
        assertEquals(200, own.status());
        assertEquals("ENROLLED", own.json().get("status"));
        assertEquals(404, api.get("/api/v1/enrollments/" + id, stranger.token()).status());
        assertEquals(404, api.get("/api/v1/enrollments/" + id, foreignCoordinator.token()).status());
        assertEquals(200, api.get("/api/v1/enrollments/" + id, trainer.token()).status());
        assertEquals(200, api.get("/api/v1/enrollments/" + id, coordinator.token()).status());
        assertEquals(401, api.get("/api/v1/enrollments/" + id, null).status());
        // a stranger cannot withdraw someone else's place, nor learn that it exists
        assertEquals(404, post("/api/v1/enrollments/" + id + "/withdraw", stranger.token()).status());
        assertEquals("ENROLLED", fx.status(id));

        var mine = api.get("/api/v1/enrollments", learner.token());
        assertEquals(200, mine.status());
        assertEquals(1, ((Number) mine.json().get("total")).intValue());
        assertEquals(0, ((Number) api.get("/api/v1/enrollments", stranger.token()).json().get("total")).intValue());

        var roster = api.get("/api/v1/cohorts/" + cohort + "/enrollments", trainer.token());
        assertEquals(200, roster.status(), roster.body());
        @SuppressWarnings("unchecked")
        Map<String, Object> line = ((List<Map<String, Object>>) roster.json().get("items")).get(0);
        assertEquals(learner.id(), line.get("learnerId"));
        assertEquals(learner.email(), line.get("email"));
        assertEquals(200, api.get("/api/v1/cohorts/" + cohort + "/enrollments", coordinator.token()).status());
        assertEquals(200, api.get("/api/v1/cohorts/" + cohort + "/enrollments?status=ENROLLED", fx.admin()).status());
        assertEquals(403, api.get("/api/v1/cohorts/" + cohort + "/enrollments", foreignCoordinator.token()).status());
        assertEquals(403, api.get("/api/v1/cohorts/" + cohort + "/enrollments", learner.token()).status());
        var badStatus = api.get("/api/v1/cohorts/" + cohort + "/enrollments?status=DONE", trainer.token());
        assertEquals(400, badStatus.status());
        assertEquals(List.of("status"), errorFields(badStatus));
    }

    @Test
    void raisingTheCapacityPromotesTheWaitlistAndLoweringItBelowSeatsTakenIsRefused() {
        Map<String, Object> body = cohortBody("SDG-2", "SELF_PACED", 1, "OPEN", "REGIONS", List.of());
        String cohort = (String) fx.createCohort(body, fx.admin()).get("id");
        fx.enroll(cohort, fx.learner("r1").token());
        String w1 = (String) fx.enroll(cohort, fx.learner("r2").token()).get("id");
        String w2 = (String) fx.enroll(cohort, fx.learner("r3").token()).get("id");
        assertEquals("WAITLISTED", fx.status(w1));

        body.put("capacity", 2);
        var raised = api.put("/api/v1/cohorts/" + cohort, body, fx.admin());
        assertEquals(200, raised.status(), raised.body());
        assertEquals(2, raised.json().get("seatsTaken"));
        assertEquals(0, raised.json().get("seatsLeft"));
        assertEquals("ENROLLED", fx.status(w1));
        assertEquals("WAITLISTED", fx.status(w2));

        body.put("capacity", 1);
        var lowered = api.put("/api/v1/cohorts/" + cohort, body, fx.admin());
        assertEquals(409, lowered.status());
        assertEquals(List.of("capacity"), errorFields(lowered));
        assertEquals(2, fx.scalar("SELECT capacity FROM cohorts WHERE id = ?::uuid", cohort));

        body.remove("capacity");
        var unlimited = api.put("/api/v1/cohorts/" + cohort, body, fx.admin());
        assertEquals(200, unlimited.status());
        assertNull(unlimited.json().get("seatsLeft"));
        assertEquals("ENROLLED", fx.status(w2));
    }

    @Test
    void learnersCannotSelfEnrolInAnEndedCohort() {
        Map<String, Object> body = cohortBody("SDG-1", "SELF_PACED", null, "OPEN", "AFRICA", List.of());
        body.put("startsOn", java.time.LocalDate.now().minusDays(20).toString());
        body.put("endsOn", java.time.LocalDate.now().minusDays(1).toString());
        String cohort = (String) fx.createCohort(body, fx.admin()).get("id");
        assertEquals(404, post("/api/v1/cohorts/" + cohort + "/enrollments", fx.learner("late").token()).status());
        assertEquals(0L, fx.scalar("SELECT count(*) FROM enrollments WHERE cohort_id = ?::uuid", cohort));
    }
}
