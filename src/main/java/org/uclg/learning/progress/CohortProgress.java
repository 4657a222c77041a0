package org.uclg.learning.progress;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.uclg.learning.catalog.CatalogApi;
import org.uclg.learning.catalog.SectionInfo;
import org.uclg.learning.cohorts.CohortResponse;
import org.uclg.learning.cohorts.CohortsApi;
import org.uclg.learning.enrollment.EnrollmentApi;
import org.uclg.learning.enrollment.EnrollmentResponse;
import org.uclg.learning.people.PeopleApi;
import org.uclg.learning.people.UserAccess;
import org.uclg.learning.people.UserResponse;
import org.uclg.learning.shared.PageResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** A cohort's progress as its trainers see it: the learner × section table and the learning gain. */
@Singleton
class CohortProgress {
    private final ProgressStore store;
    private final CompletionRules rules;
    private final EnrollmentApi enrollments;
    private final CohortsApi cohorts;
    private final CatalogApi catalog;
    private final PeopleApi people;

    CohortProgress(ProgressStore store, CompletionRules rules, EnrollmentApi enrollments, CohortsApi cohorts,
                   CatalogApi catalog, PeopleApi people) {
        this.store = store;
        this.rules = rules;
        this.enrollments = enrollments;
        this.cohorts = cohorts;
        this.catalog = catalog;
        this.people = people;
    }

    /** A cohort its caller manages, with the caller's access as read once for the whole request. */
    record Managed(CohortResponse cohort, UserAccess who) {
    }

    /** One page of the learner × section table of a cohort: three queries whatever the page size. */
    @Transactional(readOnly = true)
    CohortProgressPage cohortTable(UUID cohortId, UUID callerId, int page, int size) {
        Managed managed = requireManager(cohortId, callerId);
        return table(managed.cohort(), managed.who(), page, size);
    }

    /** Every page of the table, for the CSV export; each page is its own short transaction. */
    @Transactional(readOnly = true)
    CohortProgressPage cohortTablePage(Managed managed, int page, int size) {
        return table(managed.cohort(), managed.who(), page, size);
    }

    @Transactional(readOnly = true)
    Managed requireManager(UUID cohortId, UUID callerId) {
        UserAccess who = people.access(callerId);
        return new Managed(cohorts.managed(cohortId, who, "its progress"), who);
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
                LearningGain g = ProgressApi.gain(sections, ProgressApi.byId(progress.getOrDefault(e.id(), List.of())));
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

    private CohortProgressPage table(CohortResponse cohort, UserAccess who, int page, int size) {
        List<SectionInfo> sections = catalog.sections(cohort.moduleCode());
        CompletionRule rule = rules.rule(cohort);
        PageResponse<EnrollmentResponse> batch = enrollments.seated(cohort, who, page, size);
        List<UUID> ids = batch.items().stream().map(EnrollmentResponse::id).toList();
        Map<UUID, List<SectionState>> progress = store.forEnrollments(ids).stream()
                .collect(Collectors.groupingBy(SectionState::enrollmentId));
        Map<UUID, String> names = people.users(batch.items().stream().map(EnrollmentResponse::learnerId).toList()).stream()
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
            int percent = Completion.evaluate(sections, ProgressApi.byId(mine), cohort.kind(), rule).percent();
            return new CohortProgressPage.Row(e.id(), e.learnerId(), names.get(e.learnerId()), e.status(), percent, cells);
        }).toList();
        return new CohortProgressPage(cohort.id(), sections.stream().map(SectionInfo::key).toList(), rows, page, size, batch.total());
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
