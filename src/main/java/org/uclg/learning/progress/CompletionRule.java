package org.uclg.learning.progress;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import org.uclg.learning.cohorts.CohortKind;

import java.time.Instant;
import java.util.UUID;

/**
 * When an enrollment of a cohort is complete: every required section done, every scored assessment
 * ({@code ASSESSMENT}, {@code POST_ASSESSMENT}) at or above {@code passMark}, and at least
 * {@code minLiveShare} percent of the live sessions attended. Self-paced cohorts have no live sessions.
 */
@MappedEntity("completion_rules")
record CompletionRule(@Id UUID cohortId, int passMark, int minLiveShare, @Nullable UUID updatedBy, Instant updatedAt) {

    static final int DEFAULT_PASS_MARK = 70;

    /** The defaults of a kind: trainers-to-be attend every live session, others three in four. */
    static CompletionRule defaultFor(UUID cohortId, CohortKind kind) {
        int live = switch (kind) {
            case SELF_PACED -> 0;
            case TOT -> 100;
            case FACILITATED, WORKSHOP -> 75;
        };
        return new CompletionRule(cohortId, DEFAULT_PASS_MARK, live, null, Instant.EPOCH);
    }
}
