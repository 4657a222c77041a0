package org.uclg.learning.shared;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Works a queue table (certificate jobs, the notification outbox) on a thread of its own, one drain
 * at a time per instance. The thread is not a Micronaut executor: those carry the request's
 * propagated context (its connection and transaction) into their tasks, which a job must not share.
 * {@link #wake()} asks for a drain on that thread (one waiting is enough: a wake-up while one waits
 * is dropped, since that drain will see the work); a wake-up during a drain makes it look once more,
 * so work committed just after its last look is not left to the timer.
 */
public final class QueueDrainer {
    private final Runnable drainOnce;
    private final ThreadPoolExecutor executor;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    /** {@code drainOnce} works the queue until it finds nothing due; it handles its own errors. */
    public QueueDrainer(String threadName, Runnable drainOnce) {
        this.drainOnce = drainOnce;
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(1), r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.DiscardPolicy());
        executor.prestartAllCoreThreads();
    }

    /** Asks for a drain on the worker thread. */
    public void wake() {
        executor.execute(this::drain);
    }

    /** Drains on the calling thread (the timer's), unless a drain is running, which then looks once more. */
    public void drain() {
        again.set(true);
        while (again.get() && draining.compareAndSet(false, true)) {
            try {
                while (again.getAndSet(false)) {
                    drainOnce.run();
                }
            } finally {
                draining.set(false);
            }
        }
    }

    /** Lets a drain in progress finish (for at most ten seconds) and stops the thread. */
    public void stop() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }
}
