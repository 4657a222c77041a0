package org.uclg.learning.progress;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.UUID;

/** One stored row of section_progress. */
public record SectionState(UUID enrollmentId, long sectionId, ProgressStatus status, @Nullable Integer score,
                    Instant startedAt, @Nullable Instant completedAt, UUID recordedBy) {
}
