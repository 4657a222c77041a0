package org.uclg.learning.enrollment.roster;

/** What became (or, in a dry run, would become) of one roster row. */
public enum ImportOutcome {
    /** Seated in the cohort. */
    ENROLLED,
    /** On the waitlist: the cohort is full. */
    WAITLISTED,
    /** The person already holds a place; nothing changes. */
    SKIPPED,
    /** The row is invalid; {@code field} and {@code message} say why. */
    ERROR
}
