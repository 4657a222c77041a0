package org.uclg.learning.certificates;

/** VALID until revoked (with a reason) or superseded by a reissue (pointing to the new one). */
public enum CertificateStatus {
    VALID, REVOKED, SUPERSEDED
}
