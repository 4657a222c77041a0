package org.uclg.learning.reporting;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.uclg.learning.catalog.CatalogApi;
import org.uclg.learning.people.PeopleApi;
import org.uclg.learning.people.RegionalSection;
import org.uclg.learning.shared.ForbiddenException;
import org.uclg.learning.shared.ValidationException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reach, funnel and trend reports: read-only SQL over the other features' tables and the
 * reporting view, with the caller's scope applied in SQL and the privacy rule applied to every
 * count of people. The JSON field names are stable (docs/reporting.md).
 */
@Singleton
public class ReportingApi {
    private final ReportingDatabase db;
    private final ReachQueries reach;
    private final FunnelQueries funnels;
    private final TrendQueries trends;
    private final ReachRefresher refresher;
    private final PeopleApi people;
    private final CatalogApi catalog;
    private final Privacy privacy;
    private final ReportCache cache;
    private final Clock clock;

    ReportingApi(ReportingDatabase db, ReachQueries reach, FunnelQueries funnels, TrendQueries trends, ReachRefresher refresher,
                 PeopleApi people, CatalogApi catalog, ReportingProperties properties, ReportCache cache, Clock clock) {
        this.db = db;
        this.reach = reach;
        this.funnels = funnels;
        this.trends = trends;
        this.refresher = refresher;
        this.people = people;
        this.catalog = catalog;
        this.privacy = new Privacy(properties.privacyThreshold());
        this.cache = cache;
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
        return reach(ReportScope.of(people.access(caller), filter.regionalSection()), filter);
    }

    Map<String, Object> reach(ReportScope scope, ReportFilter filter) {
        Instant asOf = asOf();
        return cache.get(new ReportCache.Key("reach", asOf, scope, filter, null), () -> query(c -> {
            ReachData data = reach.reach(c, scope, filter);
            Map<String, Object> body = header(asOf, filter);
            body.put("total", figures(data.figures.get("")));
            List<Map<String, Object>> sections = new ArrayList<>();
            for (RegionalSection rs : scope.everySection() ? EnumSet.allOf(RegionalSection.class) : scope.regionalSections()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("regionalSection", rs.name());
                row.putAll(figures(data.figures.getOrDefault(rs.name(), new ReachData.Figures())));
                sections.add(row);
            }
            body.put("regionalSections", sections);
            Map<String, Object> breakdowns = new LinkedHashMap<>();
            data.breakdowns.forEach((dim, cells) -> {
                List<Map<String, Object>> rows = new ArrayList<>();
                cells.forEach((key, cell) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("key", key);
                    row.put("enrolled", privacy.people(cell.enrolled()));
                    row.put("active", privacy.people(cell.active()));
                    row.put("completed", privacy.people(cell.completed()));
                    rows.add(row);
                });
                breakdowns.put(dim, rows);
            });
            body.put("breakdowns", breakdowns);
            List<Map<String, Object>> cascade = new ArrayList<>();
            data.cascadeByGeneration.forEach((generation, learners) -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("generation", generation);
                row.put("learners", privacy.people(learners));
                cascade.add(row);
            });
            body.put("cascadeByGeneration", cascade);
            List<String> notes = new ArrayList<>();
            if (data.eventsNote != null) {
                notes.add(data.eventsNote);
            }
            if (scope.trainerId() != null) {
                notes.add("scope: the cohorts you lead");
            }
            body.put("notes", notes);
            return body;
        }));
    }

    public Map<String, Object> funnel(ReportFilter filter, UUID caller, String lang) {
        if (filter.module() == null) {
            throw new ValidationException("module", "the funnel is per module: give module (e.g. SDG-1)");
        }
        ReportScope scope = ReportScope.of(people.access(caller), filter.regionalSection());
        Instant asOf = asOf();
        return cache.get(new ReportCache.Key("funnel", asOf, scope, filter, lang), () -> query(c -> {
            FunnelQueries.Funnel funnel = funnels.funnel(c, scope, filter, lang);
            Map<String, Object> body = header(asOf, filter);
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
            return body;
        }));
    }

    public Map<String, Object> trend(ReportFilter filter, UUID caller) {
        return trend(ReportScope.of(people.access(caller), filter.regionalSection()), filter);
    }

    Map<String, Object> trend(ReportScope scope, ReportFilter filter) {
        Instant asOf = asOf();
        return cache.get(new ReportCache.Key("trend", asOf, scope, filter, null), () -> query(c -> {
            Map<String, Object> body = header(asOf, filter);
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
            return body;
        }));
    }

    /**
     * Computes the reports most asked for into the cache: reach and trend of every regional
     * section and of all, over the last 365 days and over the previous calendar year.
     */
    void warmUp() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate lastYear = LocalDate.of(today.getYear() - 1, 1, 1);
        List<LocalDate[]> periods = List.of(new LocalDate[]{today.minusDays(364), today},
                new LocalDate[]{lastYear, lastYear.withMonth(12).withDayOfMonth(31)});
        List<RegionalSection> sections = new ArrayList<>();
        sections.add(null);
        sections.addAll(EnumSet.allOf(RegionalSection.class));
        for (LocalDate[] period : periods) {
            for (RegionalSection rs : sections) {
                ReportFilter filter = new ReportFilter(rs, period[0], period[1], null, null, null);
                ReportScope scope = new ReportScope(rs == null ? null : EnumSet.of(rs), null);
                reach(scope, filter);
                trend(scope, filter);
            }
        }
    }

    /** Refreshes the reporting view now (admins); returns the new asOf. */
    public Instant refresh(UUID caller) {
        if (!people.access(caller).isAdmin()) {
            throw new ForbiddenException("only admins refresh the reports");
        }
        return refresher.refresh();
    }

    Instant asOf() {
        try (Connection c = db.read()) {
            return reach.asOf(c);
        } catch (SQLException e) {
            throw new IllegalStateException("report query failed", e);
        }
    }

    Privacy privacy() {
        return privacy;
    }

    private Map<String, Object> header(Instant asOf, ReportFilter filter) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("asOf", asOf);
        body.put("from", filter.from());
        body.put("to", filter.to());
        if (filter.regionalSection() != null) {
            body.put("regionalSection", filter.regionalSection().name());
        }
        if (filter.module() != null) {
            body.put("module", filter.module());
        }
        if (filter.kind() != null) {
            body.put("kind", filter.kind().name());
        }
        if (filter.language() != null) {
            body.put("language", filter.language());
        }
        body.put("privacyThreshold", privacy.threshold());
        return body;
    }

    /** The figures of the total or of one regional section, with the privacy rule applied. */
    Map<String, Object> figures(ReachData.Figures f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enrolled", privacy.people(f.enrolled));
        m.put("active", privacy.people(f.active));
        m.put("completed", privacy.people(f.completed));
        if (privacy.shows(f.enrollments)) {
            m.put("completionRate", BigDecimal.valueOf(f.enrollmentsCompleted)
                    .divide(BigDecimal.valueOf(f.enrollments), 3, RoundingMode.HALF_UP));
        }
        m.put("certificates", privacy.people(f.certificates()));
        Map<String, Object> byKind = new LinkedHashMap<>();
        f.certificatesByKind.forEach((k, v) -> byKind.put(k, privacy.people(v)));
        m.put("certificatesByKind", byKind);
        m.put("certifiedTrainers", privacy.people(f.certifiedTrainers));
        m.put("cascadeReach", privacy.people(f.cascadeReach));
        if (f.eventsHeld != null) {
            m.put("eventsHeld", f.eventsHeld);
        }
        if (f.eventRegistrations != null) {
            m.put("eventRegistrations", privacy.people(f.eventRegistrations));
        }
        if (f.eventAttendance != null) {
            m.put("eventAttendance", privacy.people(f.eventAttendance));
        }
        m.put("organizations", f.organizations);
        m.put("localGovernments", f.localGovernments);
        m.put("countries", f.countries);
        m.put("learningGainEnrollments", privacy.people(f.gainEnrollments));
        if (f.gainAverage != null && privacy.shows(f.gainEnrollments)) {
            m.put("averageLearningGain", BigDecimal.valueOf(f.gainAverage).setScale(1, RoundingMode.HALF_UP));
        }
        return m;
    }

    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** One read-only REPEATABLE READ transaction per report, so that its figures agree with each other. */
    private <T> T query(Work<T> work) {
        try (Connection c = db.read()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (Statement st = c.createStatement()) {
                // the grouping sets hash ~100,000 learners per regional section and year: keep them in memory;
                // JIT compilation costs more than it saves on queries of this size
                st.execute("SET LOCAL work_mem = '64MB'");
                st.execute("SET LOCAL jit = off");
            }
            try {
                return work.run(c);
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            if ("57014".equals(e.getSQLState())) {
                throw new ReportTooSlowException();
            }
            throw new IllegalStateException("report query failed", e);
        }
    }
}
