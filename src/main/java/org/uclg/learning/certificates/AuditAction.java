package org.uclg.learning.certificates;

/** What the audit trail of a certificate records (column {@code certificate_events.action}). */
enum AuditAction {
    ISSUED, REVOKED, SUPERSEDED, REISSUED
}
