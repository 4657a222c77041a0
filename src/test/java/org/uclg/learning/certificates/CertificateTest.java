package org.uclg.learning.certificates;

import org.junit.jupiter.api.Test;
import org.uclg.learning.people.RegionalSection;
import org.uclg.learning.shared.ConflictException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CertificateTest {
    private static final Instant ISSUED = Instant.parse("2027-03-14T10:15:30Z");

    private static Certificate valid() {
        return new Certificate(UUID.randomUUID(), "7KQ4M2XD9HRTWP3C", CertificateKind.MODULE_COMPLETION, CertificateStatus.VALID,
                UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "RES-1", 1, "Fundamentals of resilient governance",
                "Resilience I – Dakar", "Fatou Ndiaye", "fr", 6, LocalDate.of(2027, 1, 10), LocalDate.of(2027, 3, 14),
                RegionalSection.AFRICA, List.of("UN-Habitat"), ISSUED, "ab".repeat(32), null, null, null, null);
    }

    @Test
    void revokingKeepsEveryPrintedFieldAndRecordsWhenAndWhy() {
        Certificate before = valid();
        Instant now = ISSUED.plusSeconds(3600);
        Certificate revoked = before.revoke("attendance records were falsified", now);
        assertEquals(CertificateStatus.REVOKED, revoked.status());
        assertEquals(now, revoked.revokedAt());
        assertEquals("attendance records were falsified", revoked.revokedReason());
        assertEquals(before.printed("https://learning.uclg.org"), revoked.printed("https://learning.uclg.org"));
        assertEquals(before.pdfSha256(), revoked.pdfSha256());
    }

    @Test
    void supersedingPointsToTheSuccessor() {
        UUID successor = UUID.randomUUID();
        Certificate superseded = valid().supersede(successor);
        assertEquals(CertificateStatus.SUPERSEDED, superseded.status());
        assertEquals(successor, superseded.supersededBy());
    }

    @Test
    void onlyAValidCertificateCanBeRevokedOrSuperseded() {
        Certificate revoked = valid().revoke("fraud", ISSUED);
        assertThrows(ConflictException.class, () -> revoked.revoke("again", ISSUED));
        assertThrows(ConflictException.class, () -> revoked.supersede(UUID.randomUUID()));
        Certificate superseded = valid().supersede(UUID.randomUUID());
        assertThrows(ConflictException.class, () -> superseded.revoke("late", ISSUED));
    }
}
