package org.uclg.learning.certificates;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.uclg.learning.catalog.CatalogApi;
import org.uclg.learning.catalog.ModuleInfo;
import org.uclg.learning.cohorts.CohortKind;
import org.uclg.learning.cohorts.CohortAccess;
import org.uclg.learning.cohorts.CohortResponse;
import org.uclg.learning.cohorts.CohortsApi;
import org.uclg.learning.enrollment.EnrollmentApi;
import org.uclg.learning.enrollment.EnrollmentResponse;
import org.uclg.learning.enrollment.EnrollmentStatus;
import org.uclg.learning.people.PeopleApi;
import org.uclg.learning.people.UserAccess;
import org.uclg.learning.people.UserResponse;
import org.uclg.learning.shared.ConflictException;
import org.uclg.learning.shared.Languages;
import org.uclg.learning.shared.NotFoundException;
import org.uclg.learning.shared.ValidationException;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Issuing, reading, revoking, reissuing and verifying certificates. */
@Singleton
public class CertificatesApi {
    private static final Logger LOG = LoggerFactory.getLogger(CertificatesApi.class);

    private final CertificateRepository certificates;
    private final CertificateStore store;
    private final CertificatePdf pdf;
    private final EnrollmentApi enrollments;
    private final CohortsApi cohorts;
    private final CohortAccess access;
    private final CatalogApi catalog;
    private final PeopleApi people;
    private final Clock clock;
    private final String publicUrl;

    CertificatesApi(CertificateRepository certificates, CertificateStore store, CertificatePdf pdf, EnrollmentApi enrollments,
                    CohortsApi cohorts, CohortAccess access, CatalogApi catalog, PeopleApi people, Clock clock,
                    @Value("${learning.public-url:`http://localhost:8080`}") String publicUrl) {
        this.certificates = certificates;
        this.store = store;
        this.pdf = pdf;
        this.enrollments = enrollments;
        this.cohorts = cohorts;
        this.access = access;
        this.catalog = catalog;
        this.people = people;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    String publicUrl() {
        return publicUrl;
    }

    /** The kinds a completion earns: every completion a module certificate, a TOT cohort also a trainer certificate. */
    static List<CertificateKind> earnedBy(CohortKind kind) {
        return kind == CohortKind.TOT
                ? List.of(CertificateKind.MODULE_COMPLETION, CertificateKind.CERTIFIED_TRAINER)
                : List.of(CertificateKind.MODULE_COMPLETION);
    }

    void enqueue(UUID enrollmentId, CertificateKind kind, @Nullable String language, @Nullable UUID requestedBy) {
        store.enqueue(enrollmentId, kind, language, requestedBy, clock.instant());
    }

    /**
     * Takes one pending job and issues its certificate, all in one transaction: a crash rolls the
     * job back into the queue, and the unique index on VALID certificates makes a double impossible.
     * Returns false when no job was waiting.
     */
    @Transactional
    boolean issueNext() {
        Optional<CertificateStore.Job> claimed = store.claim();
        if (claimed.isEmpty()) {
            return false;
        }
        CertificateStore.Job job = claimed.get();
        try {
            issue(job);
        } catch (RuntimeException e) {
            throw new JobFailed(job.id(), e);
        }
        return true;
    }

    /** A job that could not be done; its transaction is rolled back and the attempt is counted apart. */
    static final class JobFailed extends RuntimeException {
        final long jobId;

        JobFailed(long jobId, RuntimeException cause) {
            super("certificate job " + jobId + " failed: " + cause.getMessage(), cause);
            this.jobId = jobId;
        }
    }

    private void issue(CertificateStore.Job job) {
        Instant now = clock.instant();
        EnrollmentResponse enrollment = enrollments.find(job.enrollmentId(), UserAccess.SYSTEM).enrollment();
        if (enrollment.status() != EnrollmentStatus.COMPLETED) {
            store.done(job.id(), "enrollment is " + enrollment.status() + ", not COMPLETED", now);
        } else if (certificates.existsByEnrollmentIdAndKindAndStatus(enrollment.id(), job.kind(), CertificateStatus.VALID)) {
            store.done(job.id(), "a valid certificate exists", now);
        } else {
            Certificate issued = issue(enrollment, job.kind(), job.language(), now);
            store.audit(issued.id(), "ISSUED", job.requestedBy(), null, now);
            store.done(job.id(), null, now);
            LOG.info("Issued certificate {} ({}) for enrollment {}", VerificationCode.display(issued.code()), job.kind(), enrollment.id());
        }
    }

    @Transactional
    void jobFailed(long jobId, String error) {
        store.failed(jobId, error);
    }

    /** Queues an issue by hand (trainer of the cohort, coordinator, admin) for a completed enrollment. */
    @Transactional
    void requestIssue(UUID enrollmentId, @Nullable CertificateKind kind, @Nullable String language, UUID callerId) {
        EnrollmentApi.Reached reached = enrollments.find(enrollmentId, people.access(callerId));
        if (!reached.managed()) {
            throw new NotFoundException("enrollment", enrollmentId);
        }
        EnrollmentResponse enrollment = reached.enrollment();
        CohortResponse cohort = reached.cohort();
        if (enrollment.status() != EnrollmentStatus.COMPLETED) {
            throw new ConflictException("enrollment-not-completed", "certificates are issued for COMPLETED enrollments; this one is "
                    + enrollment.status(), "status");
        }
        CertificateKind wanted = kind == null ? CertificateKind.MODULE_COMPLETION : kind;
        if (!earnedBy(cohort.kind()).contains(wanted)) {
            throw new ValidationException("kind", wanted + " is not earned in a " + cohort.kind() + " cohort");
        }
        if (language != null && !Languages.isSupported(language)) {
            throw new ValidationException("language", "must be one of " + Languages.SUPPORTED);
        }
        if (certificates.existsByEnrollmentIdAndKindAndStatus(enrollmentId, wanted, CertificateStatus.VALID)) {
            throw new ConflictException("certificate-exists", "a valid " + wanted + " certificate exists; reissue it instead", "kind");
        }
        enqueue(enrollmentId, wanted, language, callerId);
    }

    @Transactional(readOnly = true)
    List<CertificateResponse> mine(UUID callerId) {
        return certificates.findByLearnerIdOrderByIssuedAtDesc(callerId).stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    CertificateResponse certificate(UUID id, UUID callerId) {
        return view(readable(id, callerId));
    }

    /** The PDF bytes and the file name a learner would want to keep. */
    @Transactional(readOnly = true)
    Download pdf(UUID id, UUID callerId) {
        Certificate c = readable(id, callerId);
        byte[] bytes = store.pdf(id).orElseThrow(() -> new NotFoundException("certificate PDF", id));
        return new Download(bytes, "UCLG-" + c.moduleCode() + "-certificate-" + c.code().substring(0, 8) + ".pdf");
    }

    record Download(byte[] bytes, String fileName) {
    }

    @Transactional
    CertificateResponse revoke(UUID id, String reason, UUID callerId) {
        Certificate current = certificates.findByIdForUpdate(id).orElseThrow(() -> new NotFoundException("certificate", id));
        access.requireManagerOf(people.access(callerId), cohortOf(current), "certificate", id);
        Instant now = clock.instant();
        Certificate revoked = certificates.update(current.revoke(reason.strip(), now));
        store.audit(id, "REVOKED", callerId, reason.strip(), now);
        return view(revoked);
    }

    /**
     * A new certificate with the learner's current name (after a name change), the old one SUPERSEDED
     * and pointing to it. The learner may ask, and so may whoever manages the cohort.
     */
    @Transactional
    CertificateResponse reissue(UUID id, @Nullable String language, UUID callerId) {
        Certificate current = certificates.findByIdForUpdate(id).orElseThrow(() -> new NotFoundException("certificate", id));
        access.requireHolderOrManager(people.access(callerId), cohortOf(current), current.learnerId(), "certificate", id);
        if (current.enrollmentId() == null) {
            throw new ConflictException("not-reissuable", "only certificates of an enrollment can be reissued here", "id");
        }
        if (language != null && !Languages.isSupported(language)) {
            throw new ValidationException("language", "must be one of " + Languages.SUPPORTED);
        }
        Instant now = clock.instant();
        UUID successorId = UUID.randomUUID();
        certificates.update(current.supersede(successorId));
        Certificate successor = issue(enrollments.find(current.enrollmentId(), UserAccess.SYSTEM).enrollment(), current.kind(),
                language == null ? current.language() : language, now, successorId);
        store.audit(current.id(), "SUPERSEDED", callerId, null, now);
        store.audit(successor.id(), "REISSUED", callerId, "supersedes " + VerificationCode.display(current.code()), now);
        return view(successor);
    }

    /** Public verification by code, typed in any case, with or without dashes. */
    @Transactional(readOnly = true)
    Optional<CertificateResponse> verify(String typedCode) {
        String code = VerificationCode.normalize(typedCode);
        return code == null ? Optional.empty() : certificates.findByCode(code).map(this::view);
    }

    /** Whether uploaded bytes are exactly an issued certificate's PDF; an edited PDF matches nothing. */
    @Transactional(readOnly = true)
    Optional<CertificateResponse> verifyPdf(byte[] bytes) {
        return certificates.findByPdfSha256(sha256(bytes)).stream().findFirst().map(this::view);
    }

    @Transactional(readOnly = true)
    Certificate readableRecord(UUID id, UUID callerId) {
        return readable(id, callerId);
    }

    private Certificate issue(EnrollmentResponse enrollment, CertificateKind kind, @Nullable String language, Instant now) {
        return issue(enrollment, kind, language, now, UUID.randomUUID());
    }

    private Certificate issue(EnrollmentResponse enrollment, CertificateKind kind, @Nullable String language, Instant now, UUID id) {
        CohortResponse cohort = cohorts.cohort(enrollment.cohortId());
        UserResponse learner = people.user(enrollment.learnerId());
        ModuleInfo module = catalog.moduleInfo(cohort.moduleCode());
        String lang = language != null ? language : learner.preferredLanguage();
        int hours = Math.max(1, Math.round(module.requiredMinutes() / 60f));
        Instant completedAt = enrollment.completedAt() == null ? now : enrollment.completedAt();
        Certificate draft = new Certificate(id, VerificationCode.generate(), kind, CertificateStatus.VALID, enrollment.id(),
                enrollment.learnerId(), cohort.id(), module.code(), module.version(), module.title().get(lang), cohort.title(),
                learner.fullName(), lang, hours, cohort.startsOn(), completedAt.atZone(ZoneOffset.UTC).toLocalDate(),
                cohort.regionalSection(), module.partners(), now, "", null, null, null);
        byte[] bytes = pdf.render(draft.printed(publicUrl));
        Certificate certificate = new Certificate(draft.id(), draft.code(), kind, draft.status(), draft.enrollmentId(),
                draft.learnerId(), draft.cohortId(), draft.moduleCode(), draft.moduleVersion(), draft.moduleTitle(),
                draft.cohortTitle(), draft.printedName(), lang, hours, draft.startsOn(), draft.completedOn(),
                draft.regionalSection(), draft.partners(), now, sha256(bytes), null, null, null);
        certificates.save(certificate);
        store.savePdf(certificate.id(), bytes);
        return certificate;
    }

    private Certificate readable(UUID id, UUID callerId) {
        Certificate c = certificates.findById(id).orElseThrow(() -> new NotFoundException("certificate", id));
        access.requireHolderOrManager(people.access(callerId), cohortOf(c), c.learnerId(), "certificate", id);
        return c;
    }

    private CohortResponse cohortOf(Certificate c) {
        return c.cohortId() == null ? null : cohorts.cohort(c.cohortId());
    }

    private CertificateResponse view(Certificate c) {
        Certificate successor = c.supersededBy() == null ? null : certificates.findById(c.supersededBy()).orElse(null);
        return CertificateResponse.of(c, successor, publicUrl);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
