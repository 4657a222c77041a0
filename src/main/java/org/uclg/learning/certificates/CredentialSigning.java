package org.uclg.learning.certificates;

/**
 * Signs the Open Badges credential of a certificate being issued, so that its PDF carries it as
 * an associated file (the badges sub-package implements this; the issuer does not depend on it).
 */
public interface CredentialSigning {

    /** The signed credential (a VC-JWT) of the certificate as it is issued. */
    String signedCredential(Certificate certificate);
}
