package org.uclg.learning.progress;

import org.uclg.learning.progress.xapi.Xapi;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.uclg.learning.catalog.CatalogApi;
import org.uclg.learning.catalog.SectionInfo;
import org.uclg.learning.catalog.SectionKind;
import org.uclg.learning.cohorts.CohortResponse;
import org.uclg.learning.cohorts.CohortsApi;
import org.uclg.learning.enrollment.EnrollmentApi;
import org.uclg.learning.enrollment.EnrollmentResponse;
import org.uclg.learning.enrollment.EnrollmentStatus;
import org.uclg.learning.people.PeopleApi;
import org.uclg.learning.people.UserAccess;
import org.uclg.learning.people.UserResponse;
import org.uclg.learning.shared.ConflictException;
import org.uclg.learning.shared.ForbiddenException;
import org.uclg.learning.shared.NotFoundException;
import org.uclg.learning.shared.PageResponse;
import org.uclg.learning.shared.ValidationException;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Section progress, completion and learning gain. Recording locks the enrollment row, so progress
 * on one enrollment is applied one request at a time and completion is decided exactly once.
 */
@Singleton
public class ProgressApi {
    private final ProgressStore store;
    private final CompletionRules rules;
    private final Xapi xapi;
    private final EnrollmentApi enrollments;
    private final CohortsApi cohorts;
    private final CatalogApi catalog;
    private final PeopleApi people;
    private final Clock clock;

    ProgressApi(ProgressStore store, CompletionRules rules, Xapi xapi, EnrollmentApi enrollments,
                CohortsApi cohorts, CatalogApi catalog, PeopleApi people, Clock clock) {
        this.store = store;
        this.rules = rules;
        this.xapi = xapi;
        this.enrollments = enrollments;
        this.cohorts = cohorts;
        this.catalog = catalog;
        this.people = people;
        this.clock = clock;
    }

    /**
     * Records a section as STARTED or COMPLETED (with a 0–100 score for assessments). The learner
     * records their own sections; live-session attendance, and anything for the roster, is recorded
     * by the cohort's trainers, its regional section's coordinators or admins.
     */
    @Transactional
    ProgressResponse record(UUID enrollmentId, String key, RecordProgressRequest request, UUID callerId) {
        return record(enrollmentId, key, request, people.access(callerId), callerId);
    }

    private ProgressResponse record(UUID enrollmentId, String key, RecordProgressRequest request, UserAccess who, UUID callerId) {
        EnrollmentApi.Reached reached = enrollments.lockForProgress(enrollmentId, who);
        EnrollmentResponse enrollment = reached.enrollment();
        CohortResponse cohort = reached.cohort();
        boolean manager = reached.managed();
        List<SectionInfo> sections = catalog.sections(cohort.moduleCode());
        SectionInfo section = sections.stream().filter(s -> s.key().equals(key)).findFirst()
                .orElseThrow(() -> new NotFoundException("section", cohort.moduleCode() + "/" + key));
        if (!manager && section.kind() == SectionKind.LIVE_SESSION) {
            throw new ForbiddenException("attendance of a live session is recorded by the cohort's trainers");
        }
        if (enrollment.status() != EnrollmentStatus.ENROLLED && enrollment.status() != EnrollmentStatus.COMPLETED) {
            throw new ConflictException("enrollment-not-active",
                    "progress is recorded only on ENROLLED or COMPLETED enrollments; this one is " + enrollment.status(), "status");
        }
        checkScore(section, request);
        CompletionRule rule = rules.rule(cohort);
        Instant now = clock.instant();
        Xapi.Context ctx = new Xapi.Context(enrollment.id(), cohort.id(), enrollment.learnerId(), cohort.moduleCode(), cohort.language());
        store.record(enrollment.id(), section.id(), request.status(), request.score(), callerId, now)
                .ifPresent(state -> xapi.sectionChanged(ctx, section, state, rule.passMark(), now));

        List<SectionState> progress = store.forEnrollment(enrollment.id());
        Completion.Evaluation evaluation = Completion.evaluate(sections, byId(progress), cohort.kind(), rule);
        EnrollmentStatus status = enrollment.status();
        if (status == EnrollmentStatus.ENROLLED && evaluation.met()) {
            status = enrollments.completeByRule(enrollment.id()).status();
            xapi.moduleCompleted(ctx, catalog.moduleInfo(cohort.moduleCode()).title(), now);
        }
        return view(enrollment, cohort, status, sections, progress, evaluation);
    }

    @Transactional(readOnly = true)
    ProgressResponse progress(UUID enrollmentId, UUID callerId) {
        EnrollmentApi.Reached reached = enrollments.find(enrollmentId, people.access(callerId));
        EnrollmentResponse enrollment = reached.enrollment();
        CohortResponse cohort = reached.cohort();
        List<SectionInfo> sections = catalog.sections(cohort.moduleCode());
        List<SectionState> progress = store.forEnrollment(enrollmentId);
        Completion.Evaluation evaluation = Completion.evaluate(sections, byId(progress), cohort.kind(), rules.rule(cohort));
        return view(enrollment, cohort, enrollment.status(), sections, progress, evaluation);
    }

    private static void checkScore(SectionInfo section, RecordProgressRequest request) {
        if (request.score() != null && !section.kind().isScored()) {
            throw new ValidationException("score", "only assessments carry a score; " + section.key() + " is a " + section.kind());
        }
        if (section.kind().isScored() && request.status() == ProgressStatus.COMPLETED && request.score() == null) {
            throw new ValidationException("score", "an assessment is completed with its score, 0 to 100");
        }
    }

    private ProgressResponse view(EnrollmentResponse enrollment, CohortResponse cohort, EnrollmentStatus status,
                                  List<SectionInfo> sections, List<SectionState> progress, Completion.Evaluation evaluation) {
        Map<Long, SectionState> byId = byId(progress);
        List<ProgressResponse.Section> views = sections.stream().map(s -> {
            SectionState p = byId.get(s.id());
            return new ProgressResponse.Section(s.key(), s.kind(), s.required(), p == null ? null : p.status(),
                    p == null ? null : p.completedAt(), p == null ? null : p.score());
        }).toList();
        // a completed enrollment stays completed even if content changed since; nothing is missing any more
        boolean completed = status == EnrollmentStatus.COMPLETED;
        return new ProgressResponse(enrollment.id(), cohort.id(), enrollment.learnerId(), cohort.moduleCode(), status,
                evaluation.percent(), completed, completed ? List.of() : evaluation.missing(), gain(sections, byId), views);
    }

    /** Pre- and post-assessment scores of one learner (the first section of each kind). */
    static LearningGain gain(List<SectionInfo> sections, Map<Long, SectionState> progress) {
        return LearningGain.of(score(sections, progress, SectionKind.PRE_ASSESSMENT), score(sections, progress, SectionKind.POST_ASSESSMENT));
    }

    private static Integer score(List<SectionInfo> sections, Map<Long, SectionState> progress, SectionKind kind) {
        return sections.stream().filter(s -> s.kind() == kind).findFirst()
                .map(s -> progress.get(s.id())).map(SectionState::score).orElse(null);
    }

    static Map<Long, SectionState> byId(List<SectionState> progress) {
        return progress.stream().collect(Collectors.toMap(SectionState::sectionId, Function.identity()));
    }

    /**
     * Attendance of a cohort's live session, recorded by the events feature once it has checked who
     * may record it (an organiser, or the learner with the check-in code): completes the section in
     * the learner's seated enrollment through the same path as {@code PUT /enrollments/{id}/sections/{key}},
     * so completion, EnrollmentCompleted and the certificate follow as for any other progress.
     * Empty when the learner holds no seat in the cohort.
     */
    @Transactional
    public Optional<ProgressResponse> liveSessionAttended(UUID cohortId, UUID learnerId, String sectionKey, UUID recordedBy) {
        Optional<EnrollmentResponse> place = enrollments.seatedPlace(cohortId, learnerId, UserAccess.SYSTEM);
        return place.map(e -> record(e.id(), sectionKey, new RecordProgressRequest(ProgressStatus.COMPLETED, null),
                UserAccess.SYSTEM, recordedBy));
    }
}
