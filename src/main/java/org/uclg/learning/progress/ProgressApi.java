package org.uclg.learning.progress;

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
    private final CompletionRuleRepository rules;
    private final Xapi xapi;
    private final EnrollmentApi enrollments;
    private final CohortsApi cohorts;
    private final CatalogApi catalog;
    private final PeopleApi people;
    private final Clock clock;

    ProgressApi(ProgressStore store, CompletionRuleRepository rules, Xapi xapi, EnrollmentApi enrollments,
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
        CompletionRule rule = rule(cohort);
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
        Completion.Evaluation evaluation = Completion.evaluate(sections, byId(progress), cohort.kind(), rule(cohort));
        return view(enrollment, cohort, enrollment.status(), sections, progress, evaluation);
    }

    /** One page of the learner × section table of a cohort: three queries whatever the page size. */
    @Transactional(readOnly = true)
    CohortProgressPage cohortTable(UUID cohortId, UUID callerId, int page, int size) {
        CohortResponse cohort = requireManager(cohortId, callerId);
        return table(cohort, people.access(callerId), page, size);
    }

    /** Every page of the table, for the CSV export; each page is its own short transaction. */
    @Transactional(readOnly = true)
    CohortProgressPage cohortTablePage(CohortResponse cohort, UUID callerId, int page, int size) {
        return table(cohort, people.access(callerId), page, size);
    }

    @Transactional(readOnly = true)
    CohortResponse requireManager(UUID cohortId, UUID callerId) {
        return cohorts.managed(cohortId, people.access(callerId), "its progress");
    }

    @Transactional(readOnly = true)
    CohortGainResponse cohortGain(UUID cohortId, UUID callerId) {
        UserAccess who = people.access(callerId);
        CohortResponse cohort = cohorts.managed(cohortId, who, "its learning gain");
        List<SectionInfo> sections = catalog.sections(cohort.moduleCode());
        int both = 0;
        long seated = 0;
        double pre = 0, post = 0, gain = 0, normalized = 0;
        int normalizedCount = 0;
        for (int page = 0; ; page++) {
            PageResponse<EnrollmentResponse> batch = enrollments.seated(cohort, who, page, 1000);
            seated = batch.total();
            Map<UUID, List<SectionState>> progress = store.forEnrollments(batch.items().stream().map(EnrollmentResponse::id).toList())
                    .stream().collect(Collectors.groupingBy(SectionState::enrollmentId));
            for (EnrollmentResponse e : batch.items()) {
                LearningGain g = gain(sections, byId(progress.getOrDefault(e.id(), List.of())));
                if (g.gain() != null) {
                    both++;
                    pre += g.pre();
                    post += g.post();
                    gain += g.gain();
                    if (g.normalizedGain() != null) {
                        normalized += g.normalizedGain();
                        normalizedCount++;
                    }
                }
            }
            if ((long) (page + 1) * 1000 >= batch.total()) {
                break;
            }
        }
        return new CohortGainResponse(cohortId, both, (int) seated, both == 0 ? null : round(pre / both), both == 0 ? null : round(post / both),
                both == 0 ? null : round(gain / both), normalizedCount == 0 ? null : round(normalized / normalizedCount));
    }

    @Transactional(readOnly = true)
    CompletionRuleResponse completionRule(UUID cohortId, UUID callerId) {
        CohortResponse cohort = requireManager(cohortId, callerId);
        Optional<CompletionRule> custom = rules.findById(cohortId);
        CompletionRule rule = custom.orElseGet(() -> CompletionRule.defaultFor(cohortId, cohort.kind()));
        return new CompletionRuleResponse(cohortId, cohort.kind(), rule.passMark(), rule.minLiveShare(), custom.isPresent());
    }

    /** Sets a cohort's rule; it applies from the next progress recorded (completed enrollments stay completed). */
    @Transactional
    CompletionRuleResponse setCompletionRule(UUID cohortId, CompletionRuleRequest request, UUID callerId) {
        CohortResponse cohort = requireManager(cohortId, callerId);
        CompletionRule rule = new CompletionRule(cohortId, request.passMark(), request.minLiveShare(), callerId, clock.instant());
        if (rules.existsById(cohortId)) {
            rules.update(rule);
        } else {
            rules.save(rule);
        }
        return new CompletionRuleResponse(cohortId, cohort.kind(), rule.passMark(), rule.minLiveShare(), true);
    }

    /** The xAPI statements a caller may pull: admins all, others those of a cohort they manage. */
    @Transactional(readOnly = true)
    List<String> statements(@Nullable Instant since, @Nullable UUID cohortId, int page, int size, UUID callerId) {
        UserAccess who = people.access(callerId);
        if (cohortId == null) {
            if (!who.isAdmin()) {
                throw new ValidationException("cohort", "required unless you are an admin");
            }
        } else {
            requireManager(cohortId, callerId);
        }
        return xapi.page(since, cohortId, page, size);
    }

    private CohortProgressPage table(CohortResponse cohort, UserAccess who, int page, int size) {
        List<SectionInfo> sections = catalog.sections(cohort.moduleCode());
        CompletionRule rule = rule(cohort);
        PageResponse<EnrollmentResponse> batch = enrollments.seated(cohort, who, page, size);
        List<UUID> ids = batch.items().stream().map(EnrollmentResponse::id).toList();
        Map<UUID, List<SectionState>> progress = store.forEnrollments(ids).stream()
                .collect(Collectors.groupingBy(SectionState::enrollmentId));
        Map<String, String> names = people.users(batch.items().stream().map(EnrollmentResponse::learnerId).toList()).stream()
                .collect(Collectors.toMap(UserResponse::id, UserResponse::fullName));
        Map<Long, String> keys = sections.stream().collect(Collectors.toMap(SectionInfo::id, SectionInfo::key));
        List<CohortProgressPage.Row> rows = batch.items().stream().map(e -> {
            List<SectionState> mine = progress.getOrDefault(e.id(), List.of());
            Map<String, CohortProgressPage.Cell> cells = new LinkedHashMap<>();
            for (SectionState s : mine) {
                String key = keys.get(s.sectionId());
                if (key != null) {
                    cells.put(key, new CohortProgressPage.Cell(s.status(), s.score()));
                }
            }
            int percent = Completion.evaluate(sections, byId(mine), cohort.kind(), rule).percent();
            return new CohortProgressPage.Row(e.id(), e.learnerId(), names.get(e.learnerId().toString()), e.status(), percent, cells);
        }).toList();
        return new CohortProgressPage(cohort.id(), sections.stream().map(SectionInfo::key).toList(), rows, page, size, batch.total());
    }

    private CompletionRule rule(CohortResponse cohort) {
        return rules.findById(cohort.id()).orElseGet(() -> CompletionRule.defaultFor(cohort.id(), cohort.kind()));
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

    private static Map<Long, SectionState> byId(List<SectionState> progress) {
        return progress.stream().collect(Collectors.toMap(SectionState::sectionId, Function.identity()));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
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
