package org.uclg.learning.notifications;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * {@code learning.notifications.*}: the sender address, how often and how long a failed message is
 * retried (the delay doubles from {@code retry-delay} up to {@code max-retry-delay}), how often the
 * worker looks for due messages, and where messages go as {@code .eml} files when no SMTP host is set.
 */
@ConfigurationProperties("learning.notifications")
record NotificationsProperties(@Bindable(defaultValue = "learning@uclg.org") String from,
                               @Bindable(defaultValue = "#LearningWithUCLG") String fromName,
                               @Bindable(defaultValue = "8") int maxAttempts,
                               @Bindable(defaultValue = "30s") Duration retryDelay,
                               @Bindable(defaultValue = "1h") Duration maxRetryDelay,
                               @Bindable(defaultValue = "5s") Duration workerDelay,
                               @Bindable(defaultValue = "target/mail") String mailDir) {
}
