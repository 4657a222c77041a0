package org.uclg.learning.reporting;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * {@code privacyThreshold}: a count of people under it is shown as "&lt;N", never as the number.
 * {@code refreshInterval}: how often the reporting view is refreshed (with the refresh's own
 * duration, the most a report can lag behind; every report says its {@code asOf}).
 * {@code cacheSize}: reports kept per instance until the next refresh (0 turns keeping off).
 * {@code warmUp}: compute the common reports (every regional section and all of them; the last
 * 365 days and the previous calendar year) right after each refresh.
 */
@ConfigurationProperties("learning.reporting")
record ReportingProperties(@Bindable(defaultValue = "5") int privacyThreshold,
                           @Bindable(defaultValue = "5m") Duration refreshInterval,
                           @Bindable(defaultValue = "2000") int cacheSize,
                           @Bindable(defaultValue = "true") boolean warmUp) {
}
