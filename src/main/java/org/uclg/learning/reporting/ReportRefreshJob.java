package org.uclg.learning.reporting;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every refresh interval: refresh the reporting view, then compute the common reports into the cache. */
@Singleton
class ReportRefreshJob {
    private static final Logger LOG = LoggerFactory.getLogger(ReportRefreshJob.class);
    private final ReachRefresher refresher;
    private final ReportingApi reports;
    private final ReportingProperties properties;

    ReportRefreshJob(ReachRefresher refresher, ReportingApi reports, ReportingProperties properties) {
        this.refresher = refresher;
        this.reports = reports;
        this.properties = properties;
    }

    @Scheduled(fixedDelay = "${learning.reporting.refresh-interval:5m}", initialDelay = "${learning.reporting.refresh-interval:5m}")
    void run() {
        try {
            long start = System.nanoTime();
            refresher.refresh();
            long refreshed = System.nanoTime();
            if (properties.warmUp()) {
                reports.warmUp();
            }
            LOG.info("reporting view refreshed in {} ms, common reports computed in {} ms", (refreshed - start) / 1_000_000,
                    (System.nanoTime() - refreshed) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.warn("refresh of the reporting view failed; reports show the previous one", e);
        }
    }
}
