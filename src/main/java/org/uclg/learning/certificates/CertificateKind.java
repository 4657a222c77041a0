package org.uclg.learning.certificates;

/** What a certificate attests. Event attendance is issued once the events feature exists. */
public enum CertificateKind {
    MODULE_COMPLETION, CERTIFIED_TRAINER, EVENT_ATTENDANCE
}
