package org.uclg.learning.certificates;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.uclg.learning.people.RegionalSection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A certificate with every printed field; no email or other private data, so verification shows the same. */
@Serdeable
public record CertificateResponse(UUID id, String code, CertificateKind kind, CertificateStatus status, String printedName,
                                  String moduleCode, int moduleVersion, String moduleTitle, String cohortTitle, String language,
                                  int hours, LocalDate completedOn, RegionalSection regionalSection, String regionalSectionName,
                                  List<String> partners, Instant issuedAt, String verifyUrl, @Nullable Instant revokedAt,
                                  @Nullable String revokedReason, @Nullable String supersededByCode,
                                  @Nullable String supersededByUrl) {

    static CertificateResponse of(Certificate c, @Nullable Certificate successor, String publicUrl) {
        return new CertificateResponse(c.id(), VerificationCode.display(c.code()), c.kind(), c.status(), c.printedName(),
                c.moduleCode(), c.moduleVersion(), c.moduleTitle(), c.cohortTitle(), c.language(), c.hours(), c.completedOn(),
                c.regionalSection(), c.regionalSection().displayName(c.language()), c.partners(), c.issuedAt(),
                Certificate.verifyUrl(publicUrl, c.code()), c.revokedAt(), c.revokedReason(),
                successor == null ? null : VerificationCode.display(successor.code()),
                successor == null ? null : Certificate.verifyUrl(publicUrl, successor.code()));
    }
}
