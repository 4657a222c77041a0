package org.uclg.learning.progress;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Knowledge before and after: {@code gain} is post minus pre in points; {@code normalizedGain} is
 * the share of the possible improvement achieved, (post − pre) / (100 − pre), null when pre was 100.
 */
@Serdeable
public record LearningGain(@Nullable Integer pre, @Nullable Integer post, @Nullable Integer gain, @Nullable Double normalizedGain) {

    static LearningGain of(@Nullable Integer pre, @Nullable Integer post) {
        if (pre == null || post == null) {
            return new LearningGain(pre, post, null, null);
        }
        Double normalized = pre == 100 ? null : (post - pre) / (100.0 - pre);
        return new LearningGain(pre, post, post - pre, normalized);
    }
}
