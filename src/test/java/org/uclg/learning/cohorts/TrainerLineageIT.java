package org.uclg.learning.cohorts;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.uclg.learning.enrollment.EnrollmentCompleted;
import org.uclg.learning.enrollment.RecordedCompletions;
import org.uclg.learning.support.Api;
import org.uclg.learning.support.IntegrationBase;
import org.uclg.learning.support.Fixtures;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.uclg.learning.support.Fixtures.cohortBody;
import static org.uclg.learning.support.Fixtures.errorFields;

@MicronautTest(transactional = false)
class TrainerLineageIT extends IntegrationBase {
    @Inject
    RecordedCompletions completions;

    private String cohort(String module, String kind, List<String> trainers) {
        return (String) fx.createCohort(cohortBody(module, kind, null, "OPEN", "AFRICA", trainers), fx.admin()).get("id");
    }

    private String enrol(String cohort, String learnerId) {
        var r = api.post("/api/v1/cohorts/" + cohort + "/enrollments", Map.of("learnerId", learnerId), fx.admin());
        assertEquals(201, r.status(), r.body());
        return (String) r.json().get("id");
    }

    private void complete(String enrollment, String token) {
        var r = api.post("/api/v1/enrollments/" + enrollment + "/complete", Map.of(), token);
        assertEquals(200, r.status(), r.body());
    }

    @Test
    void onlyCertifiedTrainersOfTheModuleOrAdminsLeadFacilitatedCohortsAndWorkshops() {
        Api.Account trainer = fx.trainer("uncertified");
        Api.Account otherModule = fx.certifiedTrainer("sdg1-only", "SDG-1");
        for (String kind : List.of("FACILITATED", "WORKSHOP")) {
            var r = api.post("/api/v1/cohorts", cohortBody("SDG-2", kind, 20, "OPEN", "AFRICA", List.of(trainer.id(), otherModule.id())), fx.admin());
            assertEquals(400, r.status(), r.body());
            assertEquals(List.of("trainerIds[0]", "trainerIds[1]"), errorFields(r));
        }
        assertEquals(0L, fx.scalar("SELECT count(*) FROM cohort_trainers WHERE trainer_id IN (?::uuid, ?::uuid)", trainer.id(), otherModule.id()));

        // admins may lead anything; a TRAINER may lead a TOT cohort; a plain learner may lead nothing
        var byAdmin = api.post("/api/v1/cohorts", cohortBody("SDG-2", "WORKSHOP", 20, "OPEN", "AFRICA", List.of(fx.adminId())), fx.admin());
        assertEquals(201, byAdmin.status(), byAdmin.body());
        var tot = api.post("/api/v1/cohorts", cohortBody("SDG-2", "TOT", 20, "OPEN", "AFRICA", List.of(trainer.id())), fx.admin());
        assertEquals(201, tot.status(), tot.body());
        Api.Account learner = fx.learner("not-a-trainer");
        var byLearner = api.post("/api/v1/cohorts", cohortBody("SDG-2", "TOT", 20, "OPEN", "AFRICA", List.of(learner.id())), fx.admin());
        assertEquals(400, byLearner.status());
        assertEquals(List.of("trainerIds[0]"), errorFields(byLearner));

        // adding an uncertified trainer by edit is refused as well, and changes nothing
        Map<String, Object> body = cohortBody("SDG-2", "WORKSHOP", 20, "OPEN", "AFRICA", List.of(fx.adminId(), trainer.id()));
        var edit = api.put("/api/v1/cohorts/" + byAdmin.json().get("id"), body, fx.admin());
        assertEquals(400, edit.status());
        assertEquals(List.of("trainerIds[1]"), errorFields(edit));
        assertEquals(1L, fx.scalar("SELECT count(*) FROM cohort_trainers WHERE cohort_id = ?::uuid", byAdmin.json().get("id")));
    }

    @Test
    void completingATotCohortCertifiesTheLearnerWhoMayThenLeadWorkshopsAndPublishesTheEventAfterCommit() {
        Api.Account master = fx.certifiedTrainer("master", "RES-1");
        String tot = cohort("RES-1", "TOT", List.of(master.id()));
        Api.Account learner = fx.learner("future-trainer");
        String enrollment = (String) fx.enroll(tot, learner.token()).get("id");

        var early = api.post("/api/v1/cohorts", cohortBody("RES-1", "WORKSHOP", 16, "OPEN", "AFRICA", List.of(learner.id())), fx.admin());
        assertEquals(400, early.status());

        complete(enrollment, master.token());
        var cert = fx.rows("SELECT module_code, source_cohort_id::text AS source, certified_on FROM trainer_certifications WHERE trainer_id = ?::uuid",
                learner.id());
        assertEquals(1, cert.size());
        assertEquals("RES-1", cert.get(0).get("module_code"));
        assertEquals(tot, cert.get(0).get("source"));
        assertEquals(java.sql.Date.valueOf(LocalDate.now(java.time.ZoneOffset.UTC)), cert.get(0).get("certified_on"));

        var mine = api.get("/api/v1/trainers/" + learner.id() + "/certifications", learner.token());
        assertEquals(200, mine.status(), mine.body());
        assertEquals("RES-1", mine.jsonList().get(0).get("moduleCode"));
        assertEquals(tot, mine.jsonList().get(0).get("sourceCohortId"));
        assertEquals(403, api.get("/api/v1/trainers/" + learner.id() + "/certifications", fx.learner("nosy").token()).status());

        var workshop = api.post("/api/v1/cohorts", cohortBody("RES-1", "WORKSHOP", 16, "OPEN", "AFRICA", List.of(learner.id())), fx.admin());
        assertEquals(201, workshop.status(), workshop.body());

        EnrollmentCompleted event = completions.event(UUID.fromString(enrollment));
        assertNotNull(event, "EnrollmentCompleted was published");
        assertEquals(UUID.fromString(learner.id()), event.learnerId());
        assertEquals("RES-1", event.moduleCode());
        assertEquals(CohortKind.TOT, event.cohortKind());
        assertEquals("COMPLETED", completions.statusSeen(UUID.fromString(enrollment)), "published after the commit");
    }

    @Test
    void lineageCountsDirectAndCascadedTrainersAndLearners() {
        Api.Account master = fx.certifiedTrainer("m", "SDG-1");
        String tot1 = cohort("SDG-1", "TOT", List.of(master.id()));
        Api.Account b = fx.learner("b");
        Api.Account c = fx.learner("c");
        Api.Account d = fx.learner("d");
        complete(enrol(tot1, b.id()), master.token());
        complete(enrol(tot1, c.id()), master.token());
        enrol(tot1, d.id());

        String tot2 = cohort("SDG-1", "TOT", List.of(b.id()));
        Api.Account e = fx.learner("e");
        complete(enrol(tot2, e.id()), b.token());

        List<Api.Account> x = List.of(fx.learner("x1"), fx.learner("x2"), fx.learner("x3"), fx.learner("x4"), fx.learner("x5"));
        String w1 = cohort("SDG-1", "WORKSHOP", List.of(b.id()));
        String w2 = cohort("SDG-1", "WORKSHOP", List.of(c.id()));
        String w3 = cohort("SDG-1", "WORKSHOP", List.of(e.id()));
        enrol(w1, x.get(0).id());
        enrol(w1, x.get(1).id());
        enrol(w1, x.get(2).id());
        enrol(w2, x.get(2).id());
        enrol(w2, x.get(3).id());
        enrol(w3, x.get(4).id());
        // a withdrawn learner was not reached
        Api.Account gone = fx.learner("gone");
        String goneEnrollment = enrol(w3, gone.id());
        assertEquals(200, api.post("/api/v1/enrollments/" + goneEnrollment + "/withdraw", Map.of(), gone.token()).status());

        var r = api.get("/api/v1/trainers/" + master.id() + "/lineage", master.token());
        assertEquals(200, r.status(), r.body());
        Map<String, Object> lineage = r.json();
        assertEquals(1, lineage.get("cohortsLed"));
        assertEquals(2, lineage.get("directTrainers"));
        assertEquals(1, lineage.get("cascadedTrainers"));
        assertEquals(3, ((Number) lineage.get("directLearners")).intValue());
        assertEquals(6, ((Number) lineage.get("cascadedLearners")).intValue());
        assertEquals(9, ((Number) lineage.get("totalLearners")).intValue());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> trainees = (List<Map<String, Object>>) lineage.get("trainees");
        assertEquals(3, trainees.size());
        Map<String, Object> viaB = trainees.stream().filter(t -> t.get("trainerId").equals(e.id())).findFirst().orElseThrow();
        assertEquals(2, viaB.get("depth"));
        assertEquals(b.id(), viaB.get("trainedBy"));
        assertEquals(tot2, viaB.get("cohortId"));

        var fromB = api.get("/api/v1/trainers/" + b.id() + "/lineage?module=sdg-1", b.token()).json();
        assertEquals("SDG-1", fromB.get("module"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> trainedBy = (List<Map<String, Object>>) fromB.get("trainedBy");
        assertEquals(master.id(), trainedBy.get(0).get("trainedBy"));
        assertEquals(tot1, trainedBy.get(0).get("cohortId"));
        assertEquals(1, fromB.get("directTrainers"));
        assertEquals(0, fromB.get("cascadedTrainers"));
        assertEquals(4, ((Number) fromB.get("directLearners")).intValue());
        assertEquals(1, ((Number) fromB.get("cascadedLearners")).intValue());

        var otherModule = api.get("/api/v1/trainers/" + master.id() + "/lineage?module=RES-2", fx.admin()).json();
        assertEquals(0, ((Number) otherModule.get("totalLearners")).intValue());

        assertEquals(403, api.get("/api/v1/trainers/" + master.id() + "/lineage", x.get(0).token()).status());
        assertEquals(200, api.get("/api/v1/trainers/" + master.id() + "/lineage", fx.coordinator("reach", "AFRICA").token()).status());
        assertEquals(404, api.get("/api/v1/trainers/00000000-0000-0000-0000-000000000003/lineage", fx.admin()).status());
    }
}
