package org.uclg.learning.reporting;

import org.uclg.learning.reporting.queries.FunnelQueries;
import org.uclg.learning.reporting.queries.TrendQueries;

import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The funnel of one module (drop-out per section) and the monthly trend, with the privacy rule applied. */
@Singleton
class FunnelTrendReports {
    private final ReportReader reader;
    private final FunnelQueries funnels;
    private final TrendQueries trends;
    private final Privacy privacy;

    FunnelTrendReports(ReportReader reader, FunnelQueries funnels, TrendQueries trends) {
        this.reader = reader;
        this.funnels = funnels;
        this.trends = trends;
        this.privacy = reader.privacy();
    }

    /** {@code filter.module()} is set: the funnel is per module. */
    Map<String, Object> funnel(ReportScope scope, ReportFilter filter, String lang) {
        return reader.read("funnel", scope, filter, lang, (c, body) -> {
            FunnelQueries.Funnel funnel = funnels.funnel(c, scope, filter, lang);
            body.put("entered", privacy.people(funnel.entered()));
            List<Map<String, Object>> steps = new ArrayList<>();
            for (FunnelQueries.Step s : funnel.steps()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("key", s.key());
                row.put("position", s.position());
                row.put("kind", s.kind());
                row.put("title", s.title());
                row.put("required", s.required());
                row.put("started", privacy.people(s.started()));
                row.put("completed", privacy.people(s.completed()));
                steps.add(row);
            }
            body.put("sections", steps);
        });
    }

    Map<String, Object> trend(ReportScope scope, ReportFilter filter) {
        return reader.read("trend", scope, filter, null, (c, body) -> {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (TrendQueries.Month m : trends.trend(c, scope, filter)) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("month", m.month().toString().substring(0, 7));
                row.put("enrolled", privacy.people(m.enrolled()));
                row.put("active", privacy.people(m.active()));
                row.put("completed", privacy.people(m.completed()));
                row.put("certificates", privacy.people(m.certificates()));
                rows.add(row);
            }
            body.put("months", rows);
        });
    }
}
