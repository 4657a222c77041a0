package org.uclg.learning.reporting;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.uclg.learning.people.RegionalSection;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/** Every refresh interval: refresh the reporting view, then compute the common reports into the cache. */
@Singleton
class ReportRefreshJob {
    private static final Logger LOG = LoggerFactory.getLogger(ReportRefreshJob.class);
    private final ReachRefresher refresher;
    private final ReachReport reach;
    private final FunnelTrendReports funnelTrend;
    private final ReportingProperties properties;
    private final Clock clock;

    ReportRefreshJob(ReachRefresher refresher, ReachReport reach, FunnelTrendReports funnelTrend, ReportingProperties properties,
                     Clock clock) {
        this.refresher = refresher;
        this.reach = reach;
        this.funnelTrend = funnelTrend;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${learning.reporting.refresh-interval:5m}", initialDelay = "${learning.reporting.refresh-interval:5m}")
    void run() {
        try {
            long start = System.nanoTime();
            refresher.refresh();
            long refreshed = System.nanoTime();
            if (properties.warmUp()) {
                warmUp();
            }
            LOG.info("reporting view refreshed in {} ms, common reports computed in {} ms", (refreshed - start) / 1_000_000,
                    (System.nanoTime() - refreshed) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.warn("refresh of the reporting view failed; reports show the previous one", e);
        }
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
                reach.reach(scope, filter);
                funnelTrend.trend(scope, filter);
            }
        }
    }
}
