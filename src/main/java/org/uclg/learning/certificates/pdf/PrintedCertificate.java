package org.uclg.learning.certificates.pdf;

import org.uclg.learning.certificates.CertificateKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Everything a certificate prints; the same values always render the same bytes. */
public record PrintedCertificate(String code, CertificateKind kind, String printedName, String moduleCode, int moduleVersion,
                          String moduleTitle, String cohortTitle, String language, int hours, LocalDate completedOn,
                          String hostName, List<String> partners, Instant issuedAt, String verifyUrl) {
}
