package org.uclg.learning.certificates;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.uclg.learning.enrollment.EnrollmentCompleted;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Issues queued certificates ({@link CertificateQueue} queues them with the completion): on a
 * background thread right after the completion commits (the learner's request never waits for a
 * PDF), and every few seconds for whatever is left (another instance's crash, a failed attempt).
 * Jobs are taken with SKIP LOCKED, so any number of instances may run this.
 */
@Singleton
class CertificateWorker {
    private static final Logger LOG = LoggerFactory.getLogger(CertificateWorker.class);
    private final CertificateIssuer certificates;
    /**
     * A thread of its own, started with the bean: Micronaut's executors carry the request's
     * propagated context (its connection and transaction) into their tasks, which a job must not share.
     */
    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(1), r -> {
                Thread t = new Thread(r, "certificate-worker");
                t.setDaemon(true);
                return t;
            }, new ThreadPoolExecutor.DiscardPolicy());
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    CertificateWorker(CertificateIssuer certificates) {
        this.certificates = certificates;
        executor.prestartAllCoreThreads();
    }

    @TransactionalEventListener
    void completed(EnrollmentCompleted completion) {
        wake();
    }

    @TransactionalEventListener
    void queued(CertificateQueued queued) {
        wake();
    }

    /**
     * Asks for a drain on the worker thread, after whatever queued the job has committed. One drain
     * waiting is enough: a wake-up while one waits is dropped, since that drain will see the job.
     */
    void wake() {
        executor.execute(this::drain);
    }

    @PreDestroy
    void stop() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Scheduled(fixedDelay = "${learning.certificates.worker-delay:5s}", initialDelay = "5s")
    void scheduled() {
        drain();
    }

    /**
     * Issues until the queue is empty; one drain at a time per instance. A wake-up during a drain
     * makes it look once more, so a job committed just after its last look is not left to the timer.
     */
    void drain() {
        again.set(true);
        while (again.get() && draining.compareAndSet(false, true)) {
            try {
                while (again.getAndSet(false)) {
                    issueAll();
                }
            } finally {
                draining.set(false);
            }
        }
    }

    private void issueAll() {
        while (true) {
            try {
                if (!certificates.issueNext()) {
                    return;
                }
            } catch (CertificateIssuer.JobFailed e) {
                LOG.error("Issuing a certificate failed; the job stays queued for another attempt", e);
                certificates.jobFailed(e.jobId, String.valueOf(e.getCause().getMessage()));
            } catch (RuntimeException e) {
                LOG.error("Could not take a certificate job", e);
                return;
            }
        }
    }
}
