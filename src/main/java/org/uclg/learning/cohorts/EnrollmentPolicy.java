package org.uclg.learning.cohorts;

/** OPEN: a learner's own enrolment takes a seat (or the waitlist). APPLICATION: it is an application a trainer, coordinator or admin reviews. */
public enum EnrollmentPolicy {
    OPEN, APPLICATION
}
