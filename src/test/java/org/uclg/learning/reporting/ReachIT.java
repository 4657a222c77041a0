package org.uclg.learning.reporting;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.uclg.learning.support.Api;
import org.uclg.learning.support.Fixtures;
import org.uclg.learning.support.IntegrationBase;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@SuppressWarnings("unchecked")
class ReachIT extends IntegrationBase {
    @Inject
    DataSource dataSource;

    private ReachWorld world(int year, Api.Account a1) {
        ReachWorld w = new ReachWorld(dataSource, year, java.util.UUID.fromString(a1.id()));
        Api.Response refreshed = api.post("/api/v1/reports/refresh", Map.of(), fx.admin());
        assertEquals(200, refreshed.status(), refreshed.body());
        return w;
    }

    private Map<String, Object> reach(ReachWorld w, String query, String token) {
        Api.Response r = api.get("/api/v1/reports/reach?from=" + w.from() + "&to=" + w.to() + query, token);
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    private static Map<String, Object> section(Map<String, Object> report, String code) {
        return ((List<Map<String, Object>>) report.get("regionalSections")).stream()
                .filter(s -> code.equals(s.get("regionalSection"))).findFirst().orElseThrow();
    }

    private static Object n(long count) {
        return count < 5 ? "<5" : (Object) (int) count;
    }

    private void assertFigures(DirectCounts direct, String section, Map<String, Object> figures) {
        assertEquals(n(direct.enrolled(section)), figures.get("enrolled"), section + " enrolled");
        assertEquals(n(direct.active(section)), figures.get("active"), section + " active");
        assertEquals(n(direct.completed(section)), figures.get("completed"), section + " completed");
        assertEquals(n(direct.certificates(section, "%")), figures.get("certificates"), section + " certificates");
        assertEquals(n(direct.certifiedTrainers(section)), figures.get("certifiedTrainers"), section + " certifiedTrainers");
        assertEquals(n(direct.cascadeReach(section)), figures.get("cascadeReach"), section + " cascadeReach");
        assertEquals((int) direct.countries(section), figures.get("countries"), section + " countries");
        assertEquals((int) direct.organizations(section), figures.get("organizations"), section + " organizations");
        assertEquals((int) direct.localGovernments(section), figures.get("localGovernments"), section + " localGovernments");
    }

    @Test
    void everyFigureEqualsADirectCountOverTheRawRows() {
        Api.Account a1 = fx.trainer("reach-a1");
        ReachWorld w = world(2011, a1);
        DirectCounts direct = new DirectCounts(db, w.start(), w.end());
        Map<String, Object> report = reach(w, "", fx.admin());

        // the crafted world, as designed (see ReachWorld); L1 is in both regional sections
        assertEquals(14L, direct.enrolled("AFRICA"));   // A1, A2, B1, L1..L6, L12..L16
        assertEquals(6L, direct.enrolled("EUROPE"));    // L7..L11, L1
        assertEquals(19L, direct.enrolled("%"));        // L1 once
        assertEquals(12L, direct.cascadeReach("%"));    // B1 (T2, led by A1), L1..L6 (A1), L7..L11 (B1); L1 once

        assertFigures(direct, "%", (Map<String, Object>) report.get("total"));
        assertFigures(direct, "AFRICA", section(report, "AFRICA"));
        assertFigures(direct, "EUROPE", section(report, "EUROPE"));
        assertEquals(10, ((List<?>) report.get("regionalSections")).size());

        Map<String, Object> total = (Map<String, Object>) report.get("total");
        // a learner active in two regional sections counts in each, and once in the total
        long activeAfrica = direct.active("AFRICA");
        long activeEurope = direct.active("EUROPE");
        assertEquals(activeAfrica + activeEurope - 1, direct.active("%"));
        assertEquals((int) (activeAfrica + activeEurope - 1), total.get("active"));
        assertEquals(direct.completionRate("%").doubleValue(), ((Number) total.get("completionRate")).doubleValue());
        assertEquals(direct.completionRate("AFRICA").doubleValue(), ((Number) section(report, "AFRICA").get("completionRate")).doubleValue());
        Map<String, Object> gain = direct.learningGain("%");
        assertEquals(((Number) gain.get("average")).doubleValue(), ((Number) total.get("averageLearningGain")).doubleValue(), 0.05);
        assertEquals(n(((Number) gain.get("n")).longValue()), total.get("learningGainEnrollments"));
        Map<String, Object> byKind = (Map<String, Object>) total.get("certificatesByKind");
        assertEquals(n(direct.certificates("%", "MODULE_COMPLETION")), byKind.get("MODULE_COMPLETION"));
        assertEquals(n(direct.certificates("%", "CERTIFIED_TRAINER")), byKind.get("CERTIFIED_TRAINER"));

        // the two-level ToT cascade: generation 1 taught by A1 (T2 and W1), generation 2 by B1 (W2)
        List<Map<String, Object>> cascade = (List<Map<String, Object>>) report.get("cascadeByGeneration");
        assertEquals(List.of(1, 2), cascade.stream().map(c -> c.get("generation")).toList());
        long generation1 = direct.enrolledWhere("%", "c.id IN ('" + w.t2 + "', '" + w.w1 + "')");
        assertEquals(7L, generation1);
        assertEquals(n(generation1), cascade.get(0).get("learners"));
        assertEquals(n(direct.enrolledInCohortsOf(w.w2)), cascade.get(1).get("learners"));

        // breakdowns, each cell a direct count, under 5 shown as "<5"
        Map<String, List<Map<String, Object>>> breakdowns = (Map<String, List<Map<String, Object>>>) report.get("breakdowns");
        assertEquals(List.of("module", "kind", "language", "country", "organizationType", "gender"), List.copyOf(breakdowns.keySet()));
        assertCells(direct, breakdowns.get("module"), "c.module_code");
        assertCells(direct, breakdowns.get("kind"), "c.kind");
        assertCells(direct, breakdowns.get("language"), "c.language");
        assertCells(direct, breakdowns.get("country"), "u.country");
        assertCells(direct, breakdowns.get("organizationType"), "coalesce(u.organization_type, 'NOT_STATED')");
        assertCells(direct, breakdowns.get("gender"), "coalesce(u.gender, 'not stated')");
        Map<String, Object> notStated = breakdowns.get("gender").stream().filter(c -> c.get("key").equals("not stated")).findFirst().orElseThrow();
        assertEquals("<5", notStated.get("enrolled"));
        assertTrue(breakdowns.get("country").stream().anyMatch(c -> "<5".equals(c.get("enrolled"))));

        // nothing in a report names a person
        String body = api.get("/api/v1/reports/reach?from=" + w.from() + "&to=" + w.to(), fx.admin()).body();
        for (java.util.UUID id : w.learners) {
            assertFalse(body.contains(id.toString()));
        }
        assertFalse(body.contains(w.tag), "no name, email or organisation name of a learner");
        assertFalse(body.contains(a1.id()));
        assertNotNull(report.get("asOf"));
    }

    private void assertCells(DirectCounts direct, List<Map<String, Object>> cells, String column) {
        java.util.Set<Object> reported = new java.util.HashSet<>();
        for (Map<String, Object> cell : cells) {
            String key = (String) cell.get("key");
            reported.add(key);
            String is = column + " = '" + key.replace("'", "''") + "'";
            assertEquals(n(direct.enrolledWhere("%", is)), cell.get("enrolled"), column + " = " + key);
        }
        // every group the raw rows have in the period is in the report
        for (Object key : direct.keys(column)) {
            assertTrue(reported.contains(key), column + " " + key + " missing from " + reported);
        }
    }

    @Test
    void aSectionCoordinatorSeesOnlyTheirOwnRegionalSection() {
        ReachWorld w = world(2012, fx.trainer("reach-a1"));
        DirectCounts direct = new DirectCounts(db, w.start(), w.end());
        Api.Account europe = fx.coordinator("reach-eu", "EUROPE");

        Api.Response other = api.get("/api/v1/reports/reach?regionalSection=AFRICA&from=" + w.from() + "&to=" + w.to(), europe.token());
        assertEquals(403, other.status());
        assertTrue(other.contentType().startsWith("application/problem+json"), other.contentType());
        assertEquals(403, api.get("/api/v1/reports/trend?regionalSection=AFRICA", europe.token()).status());
        assertEquals(403, api.get("/api/v1/reports/funnel?module=SDG-1&regionalSection=AFRICA", europe.token()).status());
        assertEquals(403, api.getBytes("/api/v1/reports/reach.pdf?regionalSection=AFRICA", europe.token()).status());

        Map<String, Object> own = reach(w, "", europe.token());
        List<Map<String, Object>> sections = (List<Map<String, Object>>) own.get("regionalSections");
        assertEquals(List.of("EUROPE"), sections.stream().map(x -> x.get("regionalSection")).toList());
        assertFigures(direct, "EUROPE", (Map<String, Object>) own.get("total"));
        assertEquals(reach(w, "&regionalSection=EUROPE", europe.token()).get("total"), own.get("total"));
    }

    @Test
    void worldCoordinatorsAndAdminsSeeEverySectionSideBySideAndLearnersNothing() {
        ReachWorld w = world(2013, fx.trainer("reach-a1"));
        DirectCounts direct = new DirectCounts(db, w.start(), w.end());
        Api.Account world = fx.coordinator("reach-world", "WORLD");
        Map<String, Object> report = reach(w, "", world.token());
        assertEquals(10, ((List<?>) report.get("regionalSections")).size());
        assertFigures(direct, "%", (Map<String, Object>) report.get("total"));
        assertFigures(direct, "AFRICA", reach(w, "&regionalSection=AFRICA", world.token()).get("total") instanceof Map<?, ?> m
                ? (Map<String, Object>) m : Map.of());

        Api.Response learner = api.get("/api/v1/reports/reach", fx.learner("reach-learner").token());
        assertEquals(403, learner.status());
        assertEquals(401, api.get("/api/v1/reports/reach", null).status());
        assertEquals(403, api.post("/api/v1/reports/refresh", Map.of(), world.token()).status());
    }

    @Test
    void aTrainerSeesOnlyTheCohortsTheyLead() {
        Api.Account a1 = fx.trainer("reach-a1");
        ReachWorld w = world(2014, a1);
        DirectCounts direct = new DirectCounts(db, w.start(), w.end());
        Map<String, Object> report = reach(w, "", a1.token());
        Map<String, Object> total = (Map<String, Object>) report.get("total");
        // A1 leads T2 (B1) and W1 (L1..L6)
        long led = direct.enrolledWhere("%", "c.id IN ('" + w.t2 + "', '" + w.w1 + "')");
        assertEquals(7L, led);
        assertEquals(n(led), total.get("enrolled"));
        assertEquals(n(direct.enrolledWhere("%", "c.id IN ('" + w.t2 + "', '" + w.w1 + "') AND e.status = 'COMPLETED'")),
                total.get("completed"));
        assertEquals(n(led), total.get("cascadeReach"));
        assertEquals("<5", section(report, "EUROPE").get("enrolled"));
        assertTrue(((List<String>) report.get("notes")).contains("scope: the cohorts you lead"));
    }

    @Test
    void badParametersAreProblemsNamingTheField() {
        String admin = fx.admin();
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("/api/v1/reports/reach?regionalSection=MARS", "regionalSection");
        cases.put("/api/v1/reports/reach?from=2020-13-01", "from");
        cases.put("/api/v1/reports/reach?to=yesterday", "to");
        cases.put("/api/v1/reports/reach?from=2021-02-01&to=2021-01-01", "from");
        cases.put("/api/v1/reports/reach?from=2000-01-01&to=2021-01-01", "to");
        cases.put("/api/v1/reports/reach?from=1990-01-01", "from");
        cases.put("/api/v1/reports/reach?module=NOPE-9", "module");
        cases.put("/api/v1/reports/reach?module=%27;drop", "module");
        cases.put("/api/v1/reports/reach?kind=LECTURE", "kind");
        cases.put("/api/v1/reports/reach?language=de", "language");
        cases.put("/api/v1/reports/funnel", "module");
        cases.put("/api/v1/reports/trend?from=x", "from");
        cases.put("/api/v1/reports/reach.pdf?regionalSection=x", "regionalSection");
        for (var c : cases.entrySet()) {
            Api.Response r = api.get(c.getKey(), admin);
            assertEquals(400, r.status(), c.getKey() + " " + r.body());
            assertTrue(r.contentType().startsWith("application/problem+json"), c.getKey());
            assertTrue(Fixtures.errorFields(r).contains(c.getValue()), c.getKey() + " " + r.body());
        }
    }

    @Test
    void aReportIsAsOfTheLastRefreshAndMovesWithTheNext() {
        ReachWorld w = world(2019, fx.trainer("reach-a1"));
        Map<String, Object> before = reach(w, "&regionalSection=EUROPE", fx.admin());
        assertEquals(6, ((Map<String, Object>) before.get("total")).get("enrolled"));
        // a seventh EUROPE learner, enrolled in W2 in the period
        UUID learner = UUID.randomUUID();
        db.rows("INSERT INTO users (id, email, full_name, preferred_language, country, regional_section, created_at, updated_at) "
                + "VALUES (?, ?, 'Late learner', 'en', 'PT', 'EUROPE', now(), now()) RETURNING id", learner, "late-" + learner + "@example.org");
        db.rows("INSERT INTO enrollments (id, cohort_id, learner_id, status, created_at, enrolled_at, updated_at) "
                + "VALUES (?, ?, ?, 'ENROLLED', ?, ?, now()) RETURNING id", UUID.randomUUID(), w.w2, learner,
                w.start().plusMonths(6), w.start().plusMonths(6));
        Map<String, Object> same = reach(w, "&regionalSection=EUROPE", fx.admin());
        assertEquals(before, same, "until the next refresh the report is the one of its asOf");
        Api.Response refreshed = api.post("/api/v1/reports/refresh", Map.of(), fx.admin());
        Map<String, Object> after = reach(w, "&regionalSection=EUROPE", fx.admin());
        assertEquals(7, ((Map<String, Object>) after.get("total")).get("enrolled"));
        assertEquals(refreshed.json().get("asOf"), after.get("asOf"));
        assertTrue(java.time.Instant.parse((String) after.get("asOf")).isAfter(java.time.Instant.parse((String) before.get("asOf"))));
    }
}
