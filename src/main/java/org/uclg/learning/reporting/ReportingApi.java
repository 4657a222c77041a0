package org.uclg.learning.reporting;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.uclg.learning.catalog.CatalogApi;
import org.uclg.learning.people.PeopleApi;
import org.uclg.learning.reporting.export.ReachPdf;
import org.uclg.learning.shared.ForbiddenException;
import org.uclg.learning.shared.ValidationException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

/**
 * Reach, funnel and trend reports: read-only SQL over the other features' tables and the
 * reporting view, with the caller's scope applied in SQL and the privacy rule applied to every
 * count of people. The JSON field names are stable (docs/reporting.md).
 */
@Singleton
public class ReportingApi {
    private final ReachReport reach;
    private final FunnelTrendReports funnelTrend;
    private final ReportReader reader;
    private final ReachRefresher refresher;
    private final PeopleApi people;
    private final CatalogApi catalog;
    private final Clock clock;

    ReportingApi(ReachReport reach, FunnelTrendReports funnelTrend, ReportReader reader, ReachRefresher refresher,
                 PeopleApi people, CatalogApi catalog, Clock clock) {
        this.reach = reach;
        this.funnelTrend = funnelTrend;
        this.reader = reader;
        this.refresher = refresher;
        this.people = people;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Parses the shared query parameters (400 naming the field on bad input). */
    public ReportFilter filter(@Nullable String regionalSection, @Nullable String from, @Nullable String to,
                               @Nullable String module, @Nullable String kind, @Nullable String language) {
        ReportFilter f = ReportFilter.parse(regionalSection, from, to, module, kind, language, LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        if (f.module() != null && !catalog.exists(f.module())) {
            throw new ValidationException("module", "no module " + f.module() + " in the catalogue");
        }
        return f;
    }

    public Map<String, Object> reach(ReportFilter filter, UUID caller) {
        return reach.reach(scope(filter, caller), filter);
    }

    public Map<String, Object> funnel(ReportFilter filter, UUID caller, String lang) {
        if (filter.module() == null) {
            throw new ValidationException("module", "the funnel is per module: give module (e.g. SDG-1)");
        }
        return funnelTrend.funnel(scope(filter, caller), filter, lang);
    }

    public Map<String, Object> trend(ReportFilter filter, UUID caller) {
        return funnelTrend.trend(scope(filter, caller), filter);
    }

    /** The one-page PDF summary of the reach report and its trend, in {@code lang}. */
    public byte[] reachPdf(ReportFilter filter, UUID caller, String lang) {
        ReportScope scope = scope(filter, caller);
        Map<String, Object> report = reach.reach(scope, filter);
        Map<String, Object> trend = funnelTrend.trend(scope, filter);
        return ReachPdf.render(ReachPdf.Content.of(lang, filter.regionalSection(), filter.from(), filter.to(), report, trend,
                reader.privacy().threshold()));
    }

    /** Refreshes the reporting view now (admins); returns the new asOf. */
    public Instant refresh(UUID caller) {
        if (!people.access(caller).isAdmin()) {
            throw new ForbiddenException("only admins refresh the reports");
        }
        return refresher.refresh();
    }

    private ReportScope scope(ReportFilter filter, UUID caller) {
        return ReportScope.of(people.access(caller), filter.regionalSection());
    }
}
