package org.uclg.learning.certificates;

import jakarta.inject.Singleton;
import org.uclg.learning.enrollment.CompletionHook;
import org.uclg.learning.enrollment.EnrollmentCompleted;

import java.time.Clock;

/** Queues the certificates a completion earns inside the completing transaction: no completion without its job. */
@Singleton
class CertificateQueue implements CompletionHook {
    private final CertificateStore store;
    private final Clock clock;

    CertificateQueue(CertificateStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void completing(EnrollmentCompleted completion) {
        for (CertificateKind kind : CertificateIssuer.earnedBy(completion.cohortKind())) {
            store.enqueue(completion.enrollmentId(), kind, null, null, clock.instant());
        }
    }
}
