package org.uclg.learning.reporting.queries;

import org.roaringbitmap.RoaringBitmap;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Counts distinct learners per group in one pass over the reporting view's rows: each group keeps
 * the learner numbers ({@code reporting_enrollments.learner_no}) enrolled, active and completed in
 * the period as compressed bitmaps, so a learner with several enrollments in a group counts once,
 * and the count is the bitmap's cardinality. Exact, in memory proportional to the learners of the
 * report (a few bytes each), not to its rows; this replaces nine hashed grouping sets over UUIDs in
 * PostgreSQL, which took seconds per regional section and year at a million learners.
 */
final class LearnerTally {
    /** Distinct learners of one group. */
    static final class Learners {
        final RoaringBitmap enrolled = new RoaringBitmap();
        final RoaringBitmap active = new RoaringBitmap();
        final RoaringBitmap completed = new RoaringBitmap();
        /** enrolled in the period in a cohort of the trainer-of-trainers cascade */
        final RoaringBitmap cascade = new RoaringBitmap();

        void add(int learner, boolean e, boolean a, boolean c, boolean x) {
            if (e) {
                enrolled.add(learner);
            }
            if (a) {
                active.add(learner);
            }
            if (c) {
                completed.add(learner);
            }
            if (x) {
                cascade.add(learner);
            }
        }
    }

    /** Enrollment-level figures of the total or a regional section (distinct values, sums). */
    static final class Extras {
        long enrollments;
        long enrollmentsCompleted;
        final Set<String> organizations = new HashSet<>();
        final Set<String> localGovernments = new HashSet<>();
        final Set<String> countries = new HashSet<>();
        long gainSum;
        long gainEnrollments;
    }

    /** dimension → key → learners; keys sorted, null keys (not stated) left out. */
    private final Map<String, Map<String, Learners>> groups = new HashMap<>();
    private final Map<String, Extras> extras = new TreeMap<>();

    Learners group(String dimension, String key) {
        return groups.computeIfAbsent(dimension, d -> new TreeMap<>()).computeIfAbsent(key, k -> new Learners());
    }

    Map<String, Learners> dimension(String dimension) {
        return groups.getOrDefault(dimension, Map.of());
    }

    Extras extras(String regionalSection) {
        return extras.computeIfAbsent(regionalSection, k -> new Extras());
    }

    Map<String, Extras> extras() {
        return extras;
    }
}
