package org.uclg.learning.certificates.verify;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.uclg.learning.certificates.CertificateKind;
import org.uclg.learning.certificates.CertificateResponse;
import org.uclg.learning.certificates.CertificateStatus;
import org.uclg.learning.people.RegionalSection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a verifier is told: the status and every printed field, in the certificate's language
 * ({@code language}), and nothing that is not printed (no internal id, no email).
 */
@Serdeable
public record VerificationResponse(String code, CertificateKind kind, CertificateStatus status, String printedName,
                                   String moduleCode, int moduleVersion, String moduleTitle, String cohortTitle, String language,
                                   int hours, LocalDate completedOn, RegionalSection regionalSection, String regionalSectionName,
                                   List<String> partners, Instant issuedAt, String verifyUrl, @Nullable Instant revokedAt,
                                   @Nullable String revokedReason, @Nullable String supersededByCode,
                                   @Nullable String supersededByUrl) {

    static VerificationResponse of(CertificateResponse c) {
        return new VerificationResponse(c.code(), c.kind(), c.status(), c.printedName(), c.moduleCode(), c.moduleVersion(),
                c.moduleTitle(), c.cohortTitle(), c.language(), c.hours(), c.completedOn(), c.regionalSection(),
                c.regionalSectionName(), c.partners(), c.issuedAt(), c.verifyUrl(), c.revokedAt(), c.revokedReason(),
                c.supersededByCode(), c.supersededByUrl());
    }
}
