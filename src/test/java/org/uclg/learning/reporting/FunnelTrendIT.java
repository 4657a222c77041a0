package org.uclg.learning.reporting;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.uclg.learning.support.Api;
import org.uclg.learning.support.IntegrationBase;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@SuppressWarnings("unchecked")
class FunnelTrendIT extends IntegrationBase {
    @Inject
    DataSource dataSource;

    private static Object n(long count) {
        return count < 5 ? "<5" : (Object) (int) count;
    }

    private long count(String sql, Object... args) {
        return ((Number) db.value(sql, args)).longValue();
    }

    @Test
    void theFunnelCountsWhoStartedAndCompletedEachSectionInOrder() {
        ReachWorld w = new ReachWorld(dataSource, 2017, UUID.fromString(fx.trainer("reach-a1").id()));
        assertEquals(200, api.post("/api/v1/reports/refresh", Map.of(), fx.admin()).status());
        Api.Response r = api.get("/api/v1/reports/funnel?module=SDG-1&from=" + w.from() + "&to=" + w.to() + "&lang=fr", fx.admin());
        assertEquals(200, r.status(), r.body());
        Map<String, Object> funnel = r.json();
        String entrants = """
                FROM enrollments e JOIN cohorts c ON c.id = e.cohort_id
                WHERE c.module_code = 'SDG-1' AND e.enrolled_at >= ? AND e.enrolled_at < ?""";
        assertEquals(n(count("SELECT count(DISTINCT e.learner_id) " + entrants, w.start(), w.end())), funnel.get("entered"));
        List<Map<String, Object>> sections = (List<Map<String, Object>>) funnel.get("sections");
        List<Map<String, Object>> catalogue = db.rows("SELECT id, key FROM sections WHERE module_code = 'SDG-1' AND retired_at IS NULL ORDER BY position");
        assertEquals(catalogue.stream().map(s -> s.get("key")).toList(), sections.stream().map(s -> s.get("key")).toList());
        for (int i = 0; i < catalogue.size(); i++) {
            Object sectionId = catalogue.get(i).get("id");
            long started = count("SELECT count(DISTINCT e.learner_id) " + entrants
                    + " AND EXISTS (SELECT 1 FROM section_progress p WHERE p.enrollment_id = e.id AND p.section_id = ?)", w.start(), w.end(), sectionId);
            long completed = count("SELECT count(DISTINCT e.learner_id) " + entrants
                    + " AND EXISTS (SELECT 1 FROM section_progress p WHERE p.enrollment_id = e.id AND p.section_id = ? AND p.status = 'COMPLETED')",
                    w.start(), w.end(), sectionId);
            assertEquals(n(started), sections.get(i).get("started"), "started " + catalogue.get(i).get("key"));
            assertEquals(n(completed), sections.get(i).get("completed"), "completed " + catalogue.get(i).get("key"));
        }
        // pre-assessment: L1..L11 minus L6 and L1 counted once, and B1, A1, A2 recorded nothing
        assertEquals(10, sections.get(0).get("started"));
        assertTrue(sections.get(0).get("title").toString().length() > 3);

        // a section coordinator's funnel counts their own regional section only
        Api.Account europe = fx.coordinator("funnel-eu", "EUROPE");
        Map<String, Object> own = api.get("/api/v1/reports/funnel?module=SDG-1&from=" + w.from() + "&to=" + w.to(), europe.token()).json();
        assertEquals(n(count("SELECT count(DISTINCT e.learner_id) " + entrants + " AND c.regional_section = 'EUROPE'", w.start(), w.end())),
                own.get("entered"));
    }

    @Test
    void theTrendGivesTheHeadlineFiguresPerMonth() {
        ReachWorld w = new ReachWorld(dataSource, 2018, UUID.fromString(fx.trainer("reach-a1").id()));
        assertEquals(200, api.post("/api/v1/reports/refresh", Map.of(), fx.admin()).status());
        Api.Response r = api.get("/api/v1/reports/trend?from=" + w.from() + "&to=" + w.to(), fx.admin());
        assertEquals(200, r.status(), r.body());
        List<Map<String, Object>> months = (List<Map<String, Object>>) r.json().get("months");
        assertEquals(12, months.size());
        for (int m = 1; m <= 12; m++) {
            Map<String, Object> row = months.get(m - 1);
            assertEquals(String.format("%d-%02d", w.year, m), row.get("month"));
            var start = w.start().plusMonths(m - 1);
            var end = start.plusMonths(1);
            long enrolled = count("SELECT count(DISTINCT learner_id) FROM enrollments WHERE enrolled_at >= ? AND enrolled_at < ?", start, end);
            long completed = count("SELECT count(DISTINCT learner_id) FROM enrollments WHERE status = 'COMPLETED' AND completed_at >= ? AND completed_at < ?",
                    start, end);
            long active = count("""
                    SELECT count(DISTINCT e.learner_id) FROM enrollments e JOIN section_progress p ON p.enrollment_id = e.id
                    WHERE e.enrolled_at IS NOT NULL
                      AND ((p.started_at >= ? AND p.started_at < ?) OR (p.completed_at >= ? AND p.completed_at < ?))""", start, end, start, end);
            long certificates = count("SELECT count(*) FROM certificates WHERE status = 'VALID' AND issued_at >= ? AND issued_at < ?", start, end);
            assertEquals(n(enrolled), row.get("enrolled"), "enrolled " + row.get("month"));
            assertEquals(n(completed), row.get("completed"), "completed " + row.get("month"));
            assertEquals(n(active), row.get("active"), "active " + row.get("month"));
            assertEquals(n(certificates), row.get("certificates"), "certificates " + row.get("month"));
        }
        // March: L1..L6 enrolled in W1 (25–30 March)
        assertEquals(6, months.get(2).get("enrolled"));
    }
}
