package org.uclg.learning.certificates;

import jakarta.inject.Singleton;
import org.uclg.learning.shared.PublicUrl;

/** A stored certificate as callers and verifiers see it, with the link to its successor when superseded. */
@Singleton
public class CertificateViews {
    private final CertificateRepository certificates;
    private final PublicUrl publicUrl;

    CertificateViews(CertificateRepository certificates, PublicUrl publicUrl) {
        this.certificates = certificates;
        this.publicUrl = publicUrl;
    }

    public CertificateResponse view(Certificate c) {
        Certificate successor = c.supersededBy() == null ? null : certificates.findById(c.supersededBy()).orElse(null);
        return CertificateResponse.of(c, successor, publicUrl.base());
    }

    public String publicUrl() {
        return publicUrl.base();
    }
}
