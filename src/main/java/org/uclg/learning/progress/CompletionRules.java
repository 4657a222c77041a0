package org.uclg.learning.progress;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.uclg.learning.cohorts.CohortResponse;
import org.uclg.learning.cohorts.CohortsApi;
import org.uclg.learning.people.PeopleApi;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** The completion rule of each cohort (pass mark, share of live sessions), with defaults per cohort kind. */
@Singleton
class CompletionRules {
    private final CompletionRuleRepository rules;
    private final CohortsApi cohorts;
    private final PeopleApi people;
    private final Clock clock;

    CompletionRules(CompletionRuleRepository rules, CohortsApi cohorts, PeopleApi people, Clock clock) {
        this.rules = rules;
        this.cohorts = cohorts;
        this.people = people;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    CompletionRuleResponse completionRule(UUID cohortId, UUID callerId) {
        CohortResponse cohort = cohorts.managed(cohortId, people.access(callerId), "its completion rule");
        Optional<CompletionRule> custom = rules.findById(cohortId);
        CompletionRule rule = custom.orElseGet(() -> CompletionRule.defaultFor(cohortId, cohort.kind()));
        return new CompletionRuleResponse(cohortId, cohort.kind(), rule.passMark(), rule.minLiveShare(), custom.isPresent());
    }

    /** Sets a cohort's rule; it applies from the next progress recorded (completed enrollments stay completed). */
    @Transactional
    CompletionRuleResponse setCompletionRule(UUID cohortId, CompletionRuleRequest request, UUID callerId) {
        CohortResponse cohort = cohorts.managed(cohortId, people.access(callerId), "its completion rule");
        CompletionRule rule = new CompletionRule(cohortId, request.passMark(), request.minLiveShare(), callerId, clock.instant());
        if (rules.existsById(cohortId)) {
            rules.update(rule);
        } else {
            rules.save(rule);
        }
        return new CompletionRuleResponse(cohortId, cohort.kind(), rule.passMark(), rule.minLiveShare(), true);
    }

    /** The cohort's rule, or the default of its kind. */
    CompletionRule rule(CohortResponse cohort) {
        return rules.findById(cohort.id()).orElseGet(() -> CompletionRule.defaultFor(cohort.id(), cohort.kind()));
    }
}
