package org.uclg.learning.certificates;

import io.micronaut.context.BeanProvider;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.uclg.learning.catalog.CatalogApi;
import org.uclg.learning.catalog.ModuleInfo;
import org.uclg.learning.cohorts.CohortKind;
import org.uclg.learning.cohorts.CohortResponse;
import org.uclg.learning.enrollment.EnrollmentApi;
import org.uclg.learning.enrollment.EnrollmentResponse;
import org.uclg.learning.enrollment.EnrollmentStatus;
import org.uclg.learning.people.PeopleApi;
import org.uclg.learning.people.UserAccess;
import org.uclg.learning.people.UserResponse;
import org.uclg.learning.certificates.pdf.CertificatePdf;
import org.uclg.learning.shared.ConflictException;
import org.uclg.learning.shared.Languages;
import org.uclg.learning.shared.Messages;
import org.uclg.learning.shared.NotFoundException;
import org.uclg.learning.shared.ValidationException;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Issuing: the queue of certificate jobs, and the one way a certificate comes to be (the frozen
 * record, its PDF rendered once, its SHA-256 kept). Runs on the worker, never on a learner's request.
 */
@Singleton
class CertificateIssuer {
    private static final Logger LOG = LoggerFactory.getLogger(CertificateIssuer.class);
    /** What an attendance certificate stores as its module code: it attests an event, not a module. */
    static final String EVENT_CODE = "EVENT";

    private final CertificateRepository certificates;
    private final CertificateStore store;
    private final CertificatePdf pdf;
    private final CertificateViews views;
    private final EnrollmentApi enrollments;
    private final CatalogApi catalog;
    private final PeopleApi people;
    private final List<AttendedEvents> events;
    private final CertificateNotices notices;
    private final Clock clock;
    /** A provider: the credential signer reads certificates through CertificatesApi, which issues through this. */
    private final BeanProvider<CredentialSigning> credentials;

    CertificateIssuer(CertificateRepository certificates, CertificateStore store, CertificatePdf pdf, CertificateViews views,
                       EnrollmentApi enrollments, CatalogApi catalog, PeopleApi people, List<AttendedEvents> events,
                       CertificateNotices notices, Clock clock, BeanProvider<CredentialSigning> credentials) {
        this.notices = notices;
        this.certificates = certificates;
        this.store = store;
        this.pdf = pdf;
        this.views = views;
        this.enrollments = enrollments;
        this.catalog = catalog;
        this.people = people;
        this.events = List.copyOf(events);
        this.clock = clock;
        this.credentials = credentials;
    }

    /** The kinds a completion earns: every completion a module certificate, a TOT cohort also a trainer certificate. */
    static List<CertificateKind> earnedBy(CohortKind kind) {
        return kind == CohortKind.TOT
                ? List.of(CertificateKind.MODULE_COMPLETION, CertificateKind.CERTIFIED_TRAINER)
                : List.of(CertificateKind.MODULE_COMPLETION);
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
        checkLanguage(language);
        if (certificates.existsByEnrollmentIdAndKindAndStatus(enrollmentId, wanted, CertificateStatus.VALID)) {
            throw new ConflictException("certificate-exists", "a valid " + wanted + " certificate exists; reissue it instead", "kind");
        }
        store.enqueue(enrollmentId, wanted, language, callerId, clock.instant());
    }

    /**
     * Issues the successor of a certificate with the learner's current name (after a name change);
     * the old one is SUPERSEDED and points to it. The caller has checked access and locked the row.
     */
    Certificate reissue(Certificate current, @Nullable String language, @Nullable UUID callerId) {
        if (current.enrollmentId() == null) {
            throw new ConflictException("not-reissuable", "only certificates of an enrollment can be reissued here", "id");
        }
        checkLanguage(language);
        Instant now = clock.instant();
        UUID successorId = UUID.randomUUID();
        certificates.update(current.supersede(successorId));
        Certificate successor = issue(enrollments.find(current.enrollmentId(), UserAccess.SYSTEM), current.kind(),
                language == null ? current.language() : language, now, successorId);
        store.audit(current.id(), AuditAction.SUPERSEDED, callerId, null, now);
        store.audit(successor.id(), AuditAction.REISSUED, callerId, "supersedes " + VerificationCode.display(current.code()), now);
        return successor;
    }

    private void issue(CertificateStore.Job job) {
        Instant now = clock.instant();
        if (job.eventId() != null) {
            issueAttendance(job, now);
            return;
        }
        EnrollmentApi.Reached reached = enrollments.find(job.enrollmentId(), UserAccess.SYSTEM);
        EnrollmentResponse enrollment = reached.enrollment();
        if (enrollment.status() != EnrollmentStatus.COMPLETED) {
            store.done(job.id(), "enrollment is " + enrollment.status() + ", not COMPLETED", now);
        } else if (certificates.existsByEnrollmentIdAndKindAndStatus(enrollment.id(), job.kind(), CertificateStatus.VALID)) {
            store.done(job.id(), "a valid certificate exists", now);
        } else {
            Certificate issued = issue(reached, job.kind(), job.language(), now, UUID.randomUUID());
            store.audit(issued.id(), AuditAction.ISSUED, job.requestedBy(), null, now);
            store.done(job.id(), null, now);
            LOG.info("Issued certificate {} ({}) for enrollment {}", VerificationCode.display(issued.code()), job.kind(), enrollment.id());
        }
    }

    private Certificate issue(EnrollmentApi.Reached reached, CertificateKind kind, @Nullable String language, Instant now, UUID id) {
        EnrollmentResponse enrollment = reached.enrollment();
        CohortResponse cohort = reached.cohort();
        UserResponse learner = people.user(enrollment.learnerId());
        ModuleInfo module = catalog.moduleInfo(cohort.moduleCode());
        String lang = language != null ? language : learner.preferredLanguage();
        int hours = Math.max(1, Math.round(module.requiredMinutes() / 60f));
        Instant completedAt = enrollment.completedAt() == null ? now : enrollment.completedAt();
        Certificate draft = new Certificate(id, VerificationCode.generate(), kind, CertificateStatus.VALID, enrollment.id(),
                enrollment.learnerId(), cohort.id(), module.code(), module.version(), module.title().get(lang), cohort.title(),
                learner.fullName(), lang, hours, cohort.startsOn(), completedAt.atZone(ZoneOffset.UTC).toLocalDate(),
                cohort.regionalSection(), module.partners(), now, "", null, null, null, null);
        byte[] bytes = render(draft);
        Certificate certificate = draft.withPdf(CertificatePdf.sha256(bytes));
        certificates.save(certificate);
        store.savePdf(certificate.id(), bytes);
        notices.issued(certificate, bytes);
        return certificate;
    }

    /**
     * An attendance certificate: the event's title, date, format and venue and host regional section,
     * in the attendee's language (the event's own when it has no title in that one), through the same
     * renderer, table and verification as every other certificate.
     */
    private void issueAttendance(CertificateStore.Job job, Instant now) {
        Optional<AttendedEvents.AttendedEvent> attended = events.stream()
                .map(e -> e.attended(job.eventId(), job.userId())).flatMap(Optional::stream).findFirst();
        if (attended.isEmpty()) {
            store.done(job.id(), "the attendance no longer stands", now);
            return;
        }
        if (certificates.existsByEventIdAndLearnerIdAndStatus(job.eventId(), job.userId(), CertificateStatus.VALID)) {
            store.done(job.id(), "a valid certificate exists", now);
            return;
        }
        AttendedEvents.AttendedEvent event = attended.get();
        UserResponse attendee = people.user(job.userId());
        String lang = job.language() != null ? job.language() : attendee.preferredLanguage();
        String title = event.titles().getOrDefault(lang, event.titles().get(event.language()));
        String where = event.venue() == null ? Messages.get(lang, "certificate.format." + event.format())
                : Messages.get(lang, "certificate.format." + event.format(), event.venue());
        Certificate draft = new Certificate(UUID.randomUUID(), VerificationCode.generate(), CertificateKind.EVENT_ATTENDANCE,
                CertificateStatus.VALID, null, job.userId(), event.cohortId(), EVENT_CODE, 1, title, where,
                attendee.fullName(), lang, Math.max(1, Math.round(event.minutes() / 60f)), event.date(), event.date(),
                event.host(), List.of(), now, "", null, null, null, event.eventId());
        byte[] bytes = render(draft);
        Certificate issued = certificates.save(draft.withPdf(CertificatePdf.sha256(bytes)));
        store.savePdf(issued.id(), bytes);
        notices.issued(issued, bytes);
        store.audit(issued.id(), AuditAction.ISSUED, job.requestedBy(), null, now);
        store.done(job.id(), null, now);
        LOG.info("Issued attendance certificate {} for event {}", VerificationCode.display(issued.code()), event.eventId());
    }

    /** The PDF of a certificate being issued, carrying its signed credential. */
    private byte[] render(Certificate draft) {
        return pdf.render(draft.printed(views.publicUrl()), credentials.get().signedCredential(draft));
    }

    private static void checkLanguage(@Nullable String language) {
        if (language != null && !Languages.isSupported(language)) {
            throw new ValidationException("language", Languages.PATTERN_MESSAGE);
        }
    }
}
