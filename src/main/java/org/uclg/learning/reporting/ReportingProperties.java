package org.uclg.learning.reporting;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code privacyThreshold}: a count of people under it is shown as "&lt;N", never as the number.
 * {@code refreshInterval}: how often the reporting view is refreshed (the most a report can lag behind).
 */
@ConfigurationProperties("learning.reporting")
record ReportingProperties(@Bindable(defaultValue = "5") int privacyThreshold,
                           @Bindable(defaultValue = "5m") java.time.Duration refreshInterval) {
}
