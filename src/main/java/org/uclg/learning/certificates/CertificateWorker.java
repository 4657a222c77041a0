package org.uclg.learning.certificates;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.uclg.learning.shared.QueueDrainer;
import org.uclg.learning.enrollment.EnrollmentCompleted;


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
    private final QueueDrainer drainer = new QueueDrainer("certificate-worker", this::issueAll);

    CertificateWorker(CertificateIssuer certificates) {
        this.certificates = certificates;
    }

    @TransactionalEventListener
    void completed(EnrollmentCompleted completion) {
        wake();
    }

    @TransactionalEventListener
    void queued(CertificateQueued queued) {
        wake();
    }

    /** Asks for a drain on the worker thread, after whatever queued the job has committed. */
    void wake() {
        drainer.wake();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        drainer.stop();
    }

    @Scheduled(fixedDelay = "${learning.certificates.worker-delay:5s}", initialDelay = "5s")
    void scheduled() {
        drain();
    }

    /** Issues until the queue is empty; one drain at a time per instance. */
    void drain() {
        drainer.drain();
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
