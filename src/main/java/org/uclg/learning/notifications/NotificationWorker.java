package org.uclg.learning.notifications;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.uclg.learning.shared.QueueDrainer;


/**
 * Drains the outbox ({@link OutboxSender}): on its own thread right after a notification commits,
 * and every {@code worker-delay} for what is left (a retry that is due, another instance's crash).
 */
@Singleton
class NotificationWorker {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationWorker.class);
    private final OutboxSender sender;
    private final QueueDrainer drainer = new QueueDrainer("notification-worker", this::sendAll);

    NotificationWorker(OutboxSender sender) {
        this.sender = sender;
    }

    @TransactionalEventListener
    void queued(NotificationQueued queued) {
        drainer.wake();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        drainer.stop();
    }

    @Scheduled(fixedDelay = "${learning.notifications.worker-delay:5s}", initialDelay = "2s")
    void scheduled() {
        drain();
    }

    /** Sends until nothing is due; one drain at a time per instance. */
    void drain() {
        drainer.drain();
    }

    private void sendAll() {
        try {
            while (sender.sendNext()) {
                // next
            }
        } catch (RuntimeException e) {
            LOG.error("Could not take a notification from the outbox", e);
        }
    }

}
