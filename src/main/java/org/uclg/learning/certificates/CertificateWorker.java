package org.uclg.learning.certificates;

import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.uclg.learning.enrollment.EnrollmentCompleted;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Issues queued certificates ({@link CertificateQueue} queues them with the completion): right
 * after the completion commits, and every few seconds for whatever is left (another instance's
 * crash, a failed attempt). Jobs are taken with SKIP LOCKED, so any number of instances may run this.
 */
@Singleton
class CertificateWorker {
    private static final Logger LOG = LoggerFactory.getLogger(CertificateWorker.class);
    private final CertificatesApi certificates;
    private final AtomicBoolean draining = new AtomicBoolean();

    CertificateWorker(CertificatesApi certificates) {
        this.certificates = certificates;
    }

    @EventListener
    void completed(EnrollmentCompleted completion) {
        drain();
    }

    @Scheduled(fixedDelay = "${learning.certificates.worker-delay:5s}", initialDelay = "5s")
    void scheduled() {
        drain();
    }

    /** Issues until the queue is empty; one drain at a time per instance. */
    void drain() {
        if (!draining.compareAndSet(false, true)) {
            return;
        }
        try {
            while (true) {
                try {
                    if (!certificates.issueNext()) {
                        return;
                    }
                } catch (CertificatesApi.JobFailed e) {
                    LOG.error("Issuing a certificate failed; the job stays queued for another attempt", e);
                    certificates.jobFailed(e.jobId, String.valueOf(e.getCause().getMessage()));
                } catch (RuntimeException e) {
                    LOG.error("Could not take a certificate job", e);
                    return;
                }
            }
        } finally {
            draining.set(false);
        }
    }
}
