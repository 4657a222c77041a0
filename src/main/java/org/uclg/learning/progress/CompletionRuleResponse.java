package org.uclg.learning.progress;

import io.micronaut.serde.annotation.Serdeable;
import org.uclg.learning.cohorts.CohortKind;

import java.util.UUID;

/** {@code custom} is false while the defaults of the cohort's kind apply. */
@Serdeable
record CompletionRuleResponse(UUID cohortId, CohortKind kind, int passMark, int minLiveShare, boolean custom) {
}
