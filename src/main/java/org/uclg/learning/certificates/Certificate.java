package org.uclg.learning.certificates;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import org.uclg.learning.certificates.pdf.PrintedCertificate;
import org.uclg.learning.people.RegionalSection;
import org.uclg.learning.shared.ConflictException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The frozen record of an issued certificate; only its status changes afterwards. Public for the
 * sub-packages of certificates only (ArchitectureTest keeps other features out).
 */
@MappedEntity("certificates")
public record Certificate(@Id UUID id,
                   String code,
                   CertificateKind kind,
                   CertificateStatus status,
                   @Nullable UUID enrollmentId,
                   UUID learnerId,
                   @Nullable UUID cohortId,
                   String moduleCode,
                   int moduleVersion,
                   String moduleTitle,
                   String cohortTitle,
                   String printedName,
                   String language,
                   int hours,
                   LocalDate startsOn,
                   LocalDate completedOn,
                   RegionalSection regionalSection,
                   @TypeDef(type = DataType.JSON) List<String> partners,
                   Instant issuedAt,
                   String pdfSha256,
                   @Nullable Instant revokedAt,
                   @Nullable String revokedReason,
                   @Nullable UUID supersededBy,
                   @Nullable UUID eventId) {

    /** The record with the digest of its rendered PDF. */
    Certificate withPdf(String sha256) {
        return new Certificate(id, code, kind, status, enrollmentId, learnerId, cohortId, moduleCode, moduleVersion,
                moduleTitle, cohortTitle, printedName, language, hours, startsOn, completedOn, regionalSection, partners,
                issuedAt, sha256, revokedAt, revokedReason, supersededBy, eventId);
    }

    Certificate revoke(String reason, Instant now) {
        requireValid("revoke");
        return new Certificate(id, code, kind, CertificateStatus.REVOKED, enrollmentId, learnerId, cohortId, moduleCode,
                moduleVersion, moduleTitle, cohortTitle, printedName, language, hours, startsOn, completedOn, regionalSection,
                partners, issuedAt, pdfSha256, now, reason, null, eventId);
    }

    Certificate supersede(UUID by) {
        requireValid("reissue");
        return new Certificate(id, code, kind, CertificateStatus.SUPERSEDED, enrollmentId, learnerId, cohortId, moduleCode,
                moduleVersion, moduleTitle, cohortTitle, printedName, language, hours, startsOn, completedOn, regionalSection,
                partners, issuedAt, pdfSha256, null, null, by, eventId);
    }

    PrintedCertificate printed(String publicUrl) {
        return new PrintedCertificate(code, kind, printedName, moduleCode, moduleVersion, moduleTitle, cohortTitle, language,
                hours, completedOn, regionalSection.displayName(language), partners, issuedAt, verifyUrl(publicUrl, code));
    }

    public static String verifyUrl(String publicUrl, String code) {
        return publicUrl + "/verify/" + VerificationCode.display(code);
    }

    private void requireValid(String action) {
        if (status != CertificateStatus.VALID) {
            throw new ConflictException("certificate-not-valid", "cannot " + action + " a certificate that is " + status, "status");
        }
    }
}
