package org.uclg.learning.progress;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.uclg.learning.support.Api;
import org.uclg.learning.support.IntegrationBase;
import org.uclg.learning.support.Fixtures;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@SuppressWarnings("unchecked")
class ProgressIT extends IntegrationBase {

    /** key → kind of the module's sections, in order. */
    private Map<String, String> sections(String module) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (Map<String, Object> s : (List<Map<String, Object>>) api.get("/api/v1/modules/" + module, null).json().get("sections")) {
            keys.put((String) s.get("key"), (String) s.get("kind"));
        }
        return keys;
    }

    private Api.Response put(String enrollmentId, String key, Map<String, Object> body, String token) {
        return api.put("/api/v1/enrollments/" + enrollmentId + "/sections/" + key, body, token);
    }

    private static Map<String, Object> completed(Integer score) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "COMPLETED");
        if (score != null) {
            body.put("score", score);
        }
        return body;
    }

    private static boolean scored(String kind) {
        return kind.endsWith("ASSESSMENT");
    }

    private record Setup(String cohortId, Api.Account learner, String enrollmentId, Api.Account trainer) {
    }

    private Setup enrolled(String module, String kind) {
        Api.Account trainer = fx.certifiedTrainer("trainer", module);
        String cohortId = (String) fx.createCohort(Fixtures.cohortBody(module, kind, null, "OPEN", "AFRICA", List.of(trainer.id())), fx.admin()).get("id");
        Api.Account learner = fx.learner("progress");
        String enrollmentId = (String) fx.enroll(cohortId, learner.token()).get("id");
        return new Setup(cohortId, learner, enrollmentId, trainer);
    }

    @Test
    void completingTheLastSectionAnswersBeforeAnyCertificateIsRendered() throws Exception {
        Setup s = enrolled("SDG-3", "SELF_PACED");
        Map<String, String> sections = sections("SDG-3");
        List<String> keys = new java.util.ArrayList<>(sections.keySet());
        try (java.sql.Connection blocker = db.connection()) {
            // while this transaction holds the lock, no certificate can be written: were one rendered and
            // stored on the request's thread, the last PUT below could not answer
            blocker.setAutoCommit(false);
            blocker.createStatement().execute("LOCK TABLE certificates IN SHARE MODE");
            Api.Response last = null;
            for (String key : keys) {
                last = put(s.enrollmentId(), key, completed(scored(sections.get(key)) ? 90 : null), s.learner().token());
                assertEquals(200, last.status(), last.body());
            }
            assertEquals("COMPLETED", last.json().get("status"));
            assertEquals(1L, db.value("SELECT count(*) FROM certificate_jobs WHERE enrollment_id = ?::uuid", s.enrollmentId()));
            blocker.rollback();
        }
        // the worker issues it after the response, in the background
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() ->
                ((Number) db.value("SELECT count(*) FROM certificates WHERE enrollment_id = ?::uuid AND status = 'VALID'",
                        s.enrollmentId())).intValue() == 1);
        List<Map<String, Object>> mine = api.get("/api/v1/certificates", s.learner().token()).jsonList();
        assertEquals(1, mine.size());
    }

    @Test
    void theCsvTableNeutralisesNamesThatASpreadsheetWouldRunAsFormulas() {
        Setup s = enrolled("SDG-2", "SELF_PACED");
        String email = Api.uniqueEmail("formula");
        String formula = "=HYPERLINK(\"http://evil.example\",\"Fatou\")";
        assertEquals(201, api.post("/api/v1/auth/register", Api.registration(email, formula), null).status());
        String token = api.login(email, "correct horse battery");
        fx.enroll(s.cohortId(), token);
        var csv = api.get("/api/v1/cohorts/" + s.cohortId() + "/progress", s.trainer().token(), "Accept", "text/csv");
        assertEquals(200, csv.status(), csv.body());
        assertTrue(csv.body().contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Fatou\"\")\""), csv.body());
        assertFalse(csv.body().contains(",=HYPERLINK") || csv.body().contains(",\"=HYPERLINK"), csv.body());
    }

    @Test
    void selfPacedLearnerCompletesTheModuleSectionBySection() {
        Setup s = enrolled("SDG-1", "SELF_PACED");
        Map<String, String> sections = sections("SDG-1");
        Api.Response last = null;
        for (var e : sections.entrySet()) {
            if (e.getKey().equals("city-case-study")) {
                continue; // optional
            }
            last = put(s.enrollmentId(), e.getKey(), completed(scored(e.getValue()) ? 85 : null), s.learner().token());
            assertEquals(200, last.status(), last.body());
        }
        Map<String, Object> progress = last.json();
        assertEquals("COMPLETED", progress.get("status"));
        assertEquals(true, progress.get("completed"));
        assertEquals(100, progress.get("percent"));
        assertEquals("COMPLETED", fx.status(s.enrollmentId()));
        assertEquals((long) sections.size() - 1, db.value("SELECT count(*) FROM section_progress WHERE enrollment_id = ?::uuid AND status = 'COMPLETED'", s.enrollmentId()));
        assertEquals(1L, db.value("SELECT count(*) FROM xapi_statements WHERE enrollment_id = ?::uuid AND statement->'object'->>'id' LIKE '%/modules/SDG-1' AND verb = 'completed'", s.enrollmentId()));

        var read = api.get("/api/v1/enrollments/" + s.enrollmentId() + "/progress", s.learner().token());
        assertEquals(200, read.status());
        List<Map<String, Object>> rows = (List<Map<String, Object>>) read.json().get("sections");
        assertEquals(List.copyOf(sections.keySet()), rows.stream().map(r -> r.get("key")).toList());
        Map<String, Object> post = rows.get(rows.size() - 1);
        assertEquals(85, post.get("score"));
        assertNotNull(post.get("completedAt"));
        assertNull(rows.stream().filter(r -> r.get("key").equals("city-case-study")).findFirst().orElseThrow().get("status"));
    }

    @Test
    void theSameCallTwiceCountsOnceEvenWhenSentAtOnce() throws Exception {
        Setup s = enrolled("SDG-1", "SELF_PACED");
        String key = "sdgs-and-local-action";
        var first = put(s.enrollmentId(), key, Map.of("status", "STARTED"), s.learner().token());
        var again = put(s.enrollmentId(), key, Map.of("status", "STARTED"), s.learner().token());
        assertEquals(200, first.status(), first.body());
        assertEquals(first.json().get("sections"), again.json().get("sections"));

        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Callable<Integer> call = () -> {
                go.await();
                return put(s.enrollmentId(), key, completed(null), s.learner().token()).status();
            };
            calls.add(pool.submit(call));
        }
        go.countDown();
        for (Future<Integer> c : calls) {
            assertEquals(200, c.get());
        }
        pool.shutdown();
        assertEquals(1L, db.value("SELECT count(*) FROM section_progress WHERE enrollment_id = ?::uuid", s.enrollmentId()));
        assertEquals(List.of("attempted", "completed"), db.rows(
                "SELECT verb FROM xapi_statements WHERE enrollment_id = ?::uuid ORDER BY seq", s.enrollmentId())
                .stream().map(r -> r.get("verb")).toList());
        // a COMPLETED section does not go back to STARTED
        var back = put(s.enrollmentId(), key, Map.of("status", "STARTED"), s.learner().token());
        assertEquals("COMPLETED", ((List<Map<String, Object>>) back.json().get("sections")).get(1).get("status"));
    }

    @Test
    void scoresBelongToAssessmentsOnlyAndAreZeroToHundred() {
        Setup s = enrolled("SDG-1", "SELF_PACED");
        var onChapter = put(s.enrollmentId(), "awareness-and-advocacy", completed(90), s.learner().token());
        assertEquals(400, onChapter.status());
        assertEquals(List.of("score"), Fixtures.errorFields(onChapter));
        var missing = put(s.enrollmentId(), "post-assessment", completed(null), s.learner().token());
        assertEquals(List.of("score"), Fixtures.errorFields(missing));
        var tooHigh = put(s.enrollmentId(), "post-assessment", completed(101), s.learner().token());
        assertEquals(400, tooHigh.status());
        assertEquals(List.of("score"), Fixtures.errorFields(tooHigh));
        var badStatus = put(s.enrollmentId(), "post-assessment", Map.of("status", "DONE"), s.learner().token());
        assertEquals(400, badStatus.status());
        assertEquals(List.of("status"), Fixtures.errorFields(badStatus));
        assertEquals(404, put(s.enrollmentId(), "no-such-section", completed(null), s.learner().token()).status());
        assertEquals(0L, db.value("SELECT count(*) FROM section_progress WHERE enrollment_id = ?::uuid", s.enrollmentId()));
    }

    @Test
    void aFailedPostAssessmentKeepsTheEnrollmentOpenUntilRetakenAboveThePassMark() {
        Setup s = enrolled("SDG-3", "SELF_PACED");
        for (var e : sections("SDG-3").entrySet()) {
            put(s.enrollmentId(), e.getKey(), completed(scored(e.getValue()) ? 60 : null), s.learner().token());
        }
        var progress = api.get("/api/v1/enrollments/" + s.enrollmentId() + "/progress", s.learner().token()).json();
        assertEquals("ENROLLED", progress.get("status"));
        assertEquals(List.of("post-assessment: score 60 is below the pass mark 70"), progress.get("missing"));
        assertEquals("ENROLLED", fx.status(s.enrollmentId()));

        var retake = put(s.enrollmentId(), "post-assessment", completed(75), s.learner().token());
        assertEquals("COMPLETED", retake.json().get("status"));
        assertEquals(List.of("failed", "passed"), db.rows("SELECT verb FROM xapi_statements WHERE enrollment_id = ?::uuid "
                + "AND statement->'object'->>'id' LIKE '%/post-assessment' ORDER BY seq", s.enrollmentId()).stream().map(r -> r.get("verb")).toList());
        assertEquals(Map.of("pre", 60, "post", 75, "gain", 15, "normalizedGain", 0.375), retake.json().get("learningGain"));
    }

    @Test
    void liveSessionsAreRecordedByTheTrainerAndCountForFacilitatedCohorts() {
        Setup s = enrolled("RES-1", "FACILITATED");
        Map<String, String> sections = sections("RES-1");
        String live = sections.entrySet().stream().filter(e -> e.getValue().equals("LIVE_SESSION")).findFirst().orElseThrow().getKey();
        assertEquals(403, put(s.enrollmentId(), live, completed(null), s.learner().token()).status());
        for (var e : sections.entrySet()) {
            if (!e.getKey().equals(live)) {
                assertEquals(200, put(s.enrollmentId(), e.getKey(), completed(scored(e.getValue()) ? 90 : null), s.learner().token()).status());
            }
        }
        assertEquals("ENROLLED", fx.status(s.enrollmentId()));
        var attended = put(s.enrollmentId(), live, completed(null), s.trainer().token());
        assertEquals(200, attended.status(), attended.body());
        assertEquals("COMPLETED", fx.status(s.enrollmentId()));
        assertEquals(s.trainer().id(), db.value("SELECT recorded_by::text FROM section_progress p JOIN sections s ON s.id = p.section_id "
                + "WHERE p.enrollment_id = ?::uuid AND s.key = ?", s.enrollmentId(), live));
        assertEquals(1L, db.value("SELECT count(*) FROM xapi_statements WHERE enrollment_id = ?::uuid AND verb = 'attended'", s.enrollmentId()));
    }

    @Test
    void completingATotCohortThroughProgressCertifiesTheTrainer() {
        Setup s = enrolled("RES-2", "TOT");
        for (var e : sections("RES-2").entrySet()) {
            if (!e.getKey().equals("nature-based-flood-protection")) {
                var r = put(s.enrollmentId(), e.getKey(), completed(scored(e.getValue()) ? 80 : null), s.trainer().token());
                assertEquals(200, r.status(), r.body());
            }
        }
        assertEquals("COMPLETED", fx.status(s.enrollmentId()));
        assertEquals(s.cohortId(), db.value("SELECT source_cohort_id::text FROM trainer_certifications WHERE trainer_id = ?::uuid AND module_code = 'RES-2'",
                s.learner().id()));
    }

    @Test
    void strangersAndWithdrawnEnrollmentsAreRefused() {
        Setup s = enrolled("SDG-2", "SELF_PACED");
        Api.Account other = fx.learner("other");
        assertEquals(404, put(s.enrollmentId(), "pre-assessment", completed(50), other.token()).status());
        assertEquals(404, api.get("/api/v1/enrollments/" + s.enrollmentId() + "/progress", other.token()).status());
        assertEquals(401, api.get("/api/v1/enrollments/" + s.enrollmentId() + "/progress", null).status());
        assertEquals(200, api.post("/api/v1/enrollments/" + s.enrollmentId() + "/withdraw", "", s.learner().token()).status());
        var withdrawn = put(s.enrollmentId(), "pre-assessment", completed(50), s.learner().token());
        assertEquals(409, withdrawn.status());
        assertEquals(0L, db.value("SELECT count(*) FROM section_progress WHERE enrollment_id = ?::uuid", s.enrollmentId()));
    }

    @Test
    void trainerSeesTheCohortTableAndItsLearningGainInJsonAndCsv() {
        Setup s = enrolled("SDG-4", "SELF_PACED");
        Api.Account second = fx.learner("second");
        String secondEnrollment = (String) fx.enroll(s.cohortId(), second.token()).get("id");
        put(s.enrollmentId(), "pre-assessment", completed(40), s.learner().token());
        put(s.enrollmentId(), "post-assessment", completed(80), s.learner().token());
        put(secondEnrollment, "pre-assessment", completed(60), second.token());
        put(secondEnrollment, "post-assessment", completed(70), second.token());
        put(secondEnrollment, "stakeholders", Map.of("status", "STARTED"), second.token());

        var table = api.get("/api/v1/cohorts/" + s.cohortId() + "/progress?page=0&size=10", s.trainer().token());
        assertEquals(200, table.status(), table.body());
        assertEquals(2, table.json().get("total"));
        assertEquals(List.copyOf(sections("SDG-4").keySet()), table.json().get("sections"));
        Map<String, Object> row = ((List<Map<String, Object>>) table.json().get("items")).get(1);
        assertEquals(secondEnrollment, row.get("enrollmentId"));
        assertEquals(Map.of("status", "STARTED"), ((Map<String, Object>) row.get("sections")).get("stakeholders"));
        assertEquals(25, row.get("percent"));

        var csv = api.get("/api/v1/cohorts/" + s.cohortId() + "/progress", s.trainer().token(), "Accept", "text/csv");
        assertEquals(200, csv.status(), csv.body());
        assertTrue(csv.contentType().startsWith("text/csv"));
        String[] lines = csv.body().split("\r\n");
        assertEquals(3, lines.length);
        assertTrue(lines[0].startsWith("enrollment_id,learner_id,full_name,status,percent,pre-assessment,"), lines[0]);
        assertTrue(lines[2].contains(",COMPLETED 60,") && lines[2].contains(",STARTED,"), lines[2]);

        var gain = api.get("/api/v1/cohorts/" + s.cohortId() + "/learning-gain", s.trainer().token()).json();
        assertEquals(2, gain.get("learnersWithBoth"));
        assertEquals(50.0, gain.get("averagePre"));
        assertEquals(75.0, gain.get("averagePost"));
        assertEquals(25.0, gain.get("averageGain"));

        assertEquals(403, api.get("/api/v1/cohorts/" + s.cohortId() + "/progress", s.learner().token()).status());
        assertEquals(403, api.get("/api/v1/cohorts/" + s.cohortId() + "/learning-gain", second.token()).status());
    }

    @Test
    void aCohortRuleRaisesThePassMark() {
        Setup s = enrolled("SDG-1", "SELF_PACED");
        var rule = api.get("/api/v1/cohorts/" + s.cohortId() + "/completion-rule", s.trainer().token());
        assertEquals(Map.of("cohortId", s.cohortId(), "kind", "SELF_PACED", "passMark", 70, "minLiveShare", 0, "custom", false), rule.json());
        var bad = api.put("/api/v1/cohorts/" + s.cohortId() + "/completion-rule", Map.of("passMark", 120, "minLiveShare", 50), s.trainer().token());
        assertEquals(List.of("passMark"), Fixtures.errorFields(bad));
        var set = api.put("/api/v1/cohorts/" + s.cohortId() + "/completion-rule", Map.of("passMark", 90, "minLiveShare", 0), s.trainer().token());
        assertEquals(200, set.status(), set.body());
        assertEquals(403, api.put("/api/v1/cohorts/" + s.cohortId() + "/completion-rule", Map.of("passMark", 10, "minLiveShare", 0), s.learner().token()).status());
        for (var e : sections("SDG-1").entrySet()) {
            put(s.enrollmentId(), e.getKey(), completed(scored(e.getValue()) ? 85 : null), s.learner().token());
        }
        assertEquals("ENROLLED", fx.status(s.enrollmentId()));
        assertEquals(90L, ((Number) db.value("SELECT pass_mark FROM completion_rules WHERE cohort_id = ?::uuid", s.cohortId())).longValue());
    }

    @Test
    void xapiStatementsHaveTheStandardShapeAndArePagedPerCohort() {
        Setup s = enrolled("SDG-2", "SELF_PACED");
        put(s.enrollmentId(), "pre-assessment", completed(55), s.learner().token());
        put(s.enrollmentId(), "sdg-principles-for-planning", Map.of("status", "STARTED"), s.learner().token());
        put(s.enrollmentId(), "sdg-principles-for-planning", completed(null), s.learner().token());

        var page = api.get("/api/v1/xapi/statements?cohort=" + s.cohortId() + "&size=2", s.trainer().token());
        assertEquals(200, page.status(), page.body());
        assertEquals("1.0.3", page.header("X-Experience-API-Version"));
        List<Map<String, Object>> statements = (List<Map<String, Object>>) page.json().get("statements");
        assertEquals(2, statements.size());
        Map<String, Object> first = statements.get(0);
        assertEquals(Map.of("objectType", "Agent", "account", Map.of("homePage", "http://localhost:8080", "name", s.learner().id())), first.get("actor"));
        assertEquals("http://adlnet.gov/expapi/verbs/completed", ((Map<String, Object>) first.get("verb")).get("id"));
        Map<String, Object> object = (Map<String, Object>) first.get("object");
        assertEquals("http://localhost:8080/modules/SDG-2/sections/pre-assessment", object.get("id"));
        assertEquals(Map.of("raw", 55, "min", 0, "max", 100, "scaled", 0.55), ((Map<String, Object>) first.get("result")).get("score"));
        assertEquals(s.enrollmentId(), ((Map<String, Object>) first.get("context")).get("registration"));
        assertFalse(page.body().contains(s.learner().email()), "no email in statements");
        String more = (String) page.json().get("more");
        assertTrue(more.contains("page=1"), more);
        var next = api.get(more, s.trainer().token());
        assertEquals(1, ((List<?>) next.json().get("statements")).size());
        assertEquals("", next.json().get("more"));

        assertEquals(400, api.get("/api/v1/xapi/statements", s.trainer().token()).status());
        assertEquals(403, api.get("/api/v1/xapi/statements?cohort=" + s.cohortId(), s.learner().token()).status());
        assertEquals(400, api.get("/api/v1/xapi/statements?since=yesterday", fx.admin()).status());
        assertEquals(200, api.get("/api/v1/xapi/statements?since=2020-01-01T00:00:00Z", fx.admin()).status());
    }
}
