package org.uclg.learning.cohorts;

/** How a cohort delivers its module. */
public enum CohortKind {
    SELF_PACED, FACILITATED, TOT, WORKSHOP;

    /** Facilitated courses and workshops are led only by certified trainers of the module (or admins). */
    public boolean requiresCertifiedTrainers() {
        return this == FACILITATED || this == WORKSHOP;
    }
}
