package org.uclg.learning.notifications;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Drains the outbox ({@link OutboxSender}): on its own thread right after a notification commits,
 * and every {@code worker-delay} for what is left (a retry that is due, another instance's crash).
 */
@Singleton
class NotificationWorker {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationWorker.class);
    private final OutboxSender sender;
    /** A thread of its own: Micronaut's executors would carry the request's connection and transaction into the task. */
    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(1), r -> {
                Thread t = new Thread(r, "notification-worker");
                t.setDaemon(true);
                return t;
            }, new ThreadPoolExecutor.DiscardPolicy());
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    NotificationWorker(OutboxSender sender) {
        this.sender = sender;
        executor.prestartAllCoreThreads();
    }

    @TransactionalEventListener
    void queued(NotificationQueued queued) {
        executor.execute(this::drain);
    }

    @PreDestroy
    void stop() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Scheduled(fixedDelay = "${learning.notifications.worker-delay:5s}", initialDelay = "2s")
    void scheduled() {
        drain();
    }

    /** Sends until nothing is due; one drain at a time per instance, and a wake-up during one makes it look again. */
    void drain() {
        again.set(true);
        while (again.get() && draining.compareAndSet(false, true)) {
            try {
                while (again.getAndSet(false)) {
                    sendAll();
                }
            } finally {
                draining.set(false);
            }
        }
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
