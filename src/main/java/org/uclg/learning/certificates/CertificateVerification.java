package org.uclg.learning.certificates;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.uclg.learning.certificates.pdf.CertificatePdf;

import java.util.Optional;

/** Public verification: by the printed code, or by the very bytes of a PDF. */
@Singleton
public class CertificateVerification {
    private final CertificateRepository certificates;
    private final CertificateViews views;

    CertificateVerification(CertificateRepository certificates, CertificateViews views) {
        this.certificates = certificates;
        this.views = views;
    }

    /** By code, typed in any case, with or without dashes. */
    @Transactional(readOnly = true)
    public Optional<CertificateResponse> byCode(String typedCode) {
        String code = VerificationCode.normalize(typedCode);
        return code == null ? Optional.empty() : certificates.findByCode(code).map(views::view);
    }

    /** Whether uploaded bytes are exactly an issued certificate's PDF; an edited PDF matches nothing. */
    @Transactional(readOnly = true)
    public Optional<CertificateResponse> byPdf(byte[] bytes) {
        return certificates.findByPdfSha256(CertificatePdf.sha256(bytes)).stream().findFirst().map(views::view);
    }
}
