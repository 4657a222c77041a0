package org.uclg.learning.certificates;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.uclg.learning.cohorts.CohortAccess;
import org.uclg.learning.cohorts.CohortResponse;
import org.uclg.learning.cohorts.CohortsApi;
import org.uclg.learning.people.PeopleApi;
import org.uclg.learning.shared.NotFoundException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A person's certificates and their lifecycle: read (the holder and whoever manages the cohort;
 * everyone else gets 404, since whether a certificate exists is private), revoke, reissue.
 */
@Singleton
public class CertificatesApi {
    private final CertificateRepository certificates;
    private final CertificateStore store;
    private final CertificateIssuer issuer;
    private final CertificateViews views;
    private final CohortsApi cohorts;
    private final CohortAccess access;
    private final PeopleApi people;
    private final CertificateNotices notices;
    private final Clock clock;

    CertificatesApi(CertificateRepository certificates, CertificateStore store, CertificateIssuer issuer, CertificateViews views,
                    CohortsApi cohorts, CohortAccess access, PeopleApi people, CertificateNotices notices, Clock clock) {
        this.notices = notices;
        this.certificates = certificates;
        this.store = store;
        this.issuer = issuer;
        this.views = views;
        this.cohorts = cohorts;
        this.access = access;
        this.people = people;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<CertificateResponse> mine(UUID callerId) {
        return certificates.findByLearnerIdOrderByIssuedAtDesc(callerId).stream().map(views::view).toList();
    }

    @Transactional(readOnly = true)
    CertificateResponse certificate(UUID id, UUID callerId) {
        return views.view(readableRecord(id, callerId));
    }

    /** The PDF bytes and the file name a learner would want to keep. */
    @Transactional(readOnly = true)
    Download pdf(UUID id, UUID callerId) {
        Certificate c = readableRecord(id, callerId);
        byte[] bytes = store.pdf(id).orElseThrow(() -> new NotFoundException("certificate PDF", id));
        return new Download(bytes, "UCLG-" + c.moduleCode() + "-certificate-" + c.code().substring(0, 8) + ".pdf");
    }

    record Download(byte[] bytes, String fileName) {
    }

    /** The stored record, for its holder and whoever manages its cohort (the credential is built from it). */
    @Transactional(readOnly = true)
    public Certificate readableRecord(UUID id, UUID callerId) {
        Certificate c = certificates.findById(id).orElseThrow(() -> new NotFoundException("certificate", id));
        access.requireHolderOrManager(people.access(callerId), cohortOf(c), c.learnerId(), "certificate", id);
        return c;
    }

    @Transactional
    CertificateResponse revoke(UUID id, String reason, UUID callerId) {
        Certificate current = certificates.findByIdForUpdate(id).orElseThrow(() -> new NotFoundException("certificate", id));
        access.requireManagerOf(people.access(callerId), cohortOf(current), "certificate", id);
        Instant now = clock.instant();
        Certificate revoked = certificates.update(current.revoke(reason.strip(), now));
        store.audit(id, AuditAction.REVOKED, callerId, reason.strip(), now);
        notices.revoked(revoked);
        return views.view(revoked);
    }

    /**
     * A new certificate with the learner's current name (after a name change), the old one SUPERSEDED
     * and pointing to it. The learner may ask, and so may whoever manages the cohort.
     */
    @Transactional
    CertificateResponse reissue(UUID id, @Nullable String language, UUID callerId) {
        Certificate current = certificates.findByIdForUpdate(id).orElseThrow(() -> new NotFoundException("certificate", id));
        access.requireHolderOrManager(people.access(callerId), cohortOf(current), current.learnerId(), "certificate", id);
        return views.view(issuer.reissue(current, language, callerId));
    }

    private CohortResponse cohortOf(Certificate c) {
        return c.cohortId() == null ? null : cohorts.cohort(c.cohortId());
    }
}
