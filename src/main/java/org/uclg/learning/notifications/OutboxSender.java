package org.uclg.learning.notifications;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Sends one message of the outbox at a time. It is taken with SKIP LOCKED and sent while its row is
 * locked, so two instances never send one message twice. A failure is retried with a doubling delay;
 * after {@code max-attempts} the message is kept as FAILED with its error. A crash between the SMTP
 * server accepting a message and the commit would send it again: the only case of a second copy.
 */
@Singleton
class OutboxSender {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
    private final Outbox outbox;
    private final MailOut mail;
    private final NotificationsProperties properties;
    private final Clock clock;

    OutboxSender(Outbox outbox, MailOut mail, NotificationsProperties properties, Clock clock) {
        this.outbox = outbox;
        this.mail = mail;
        this.properties = properties;
        this.clock = clock;
    }

    /** Sends one due message; false when none is due. The outcome commits with the row's lock. */
    @Transactional
    boolean sendNext() {
        Instant now = clock.instant();
        Outbox.Due due = outbox.takeDue(now).orElse(null);
        if (due == null) {
            return false;
        }
        try {
            mail.send(due.mail());
            outbox.sent(due.mail().id(), clock.instant());
        } catch (Exception e) {
            int attempts = due.attempts() + 1;
            String error = e.getClass().getSimpleName() + ": " + e.getMessage()
                    + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")");
            Instant retryAt = attempts >= properties.maxAttempts() ? null : clock.instant().plus(backoff(attempts));
            LOG.warn("Sending notification {} failed (attempt {}){}: {}", due.mail().id(), attempts,
                    retryAt == null ? ", giving up" : ", retrying at " + retryAt, error);
            outbox.failed(due.mail().id(), error, retryAt);
        }
        return true;
    }

    /** retry-delay, doubling with each attempt, at most max-retry-delay. */
    Duration backoff(int attempts) {
        Duration d = properties.retryDelay().multipliedBy(1L << Math.min(attempts - 1, 20));
        return d.compareTo(properties.maxRetryDelay()) > 0 ? properties.maxRetryDelay() : d;
    }
}
