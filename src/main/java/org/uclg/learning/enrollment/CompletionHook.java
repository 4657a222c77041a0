package org.uclg.learning.enrollment;

/**
 * Work that must commit or roll back together with a completion: it runs inside the transaction
 * that completes the enrollment (the certificates feature queues its job here, so a crash can
 * never lose a certificate). {@link EnrollmentCompleted} listeners, by contrast, run after commit.
 */
public interface CompletionHook {
    void completing(EnrollmentCompleted completion);
}
