package org.uclg.learning.enrollment;

/**
 * APPLIED → ENROLLED | WAITLISTED | REJECTED; WAITLISTED → ENROLLED; ENROLLED → COMPLETED | WITHDRAWN.
 * ENROLLED and COMPLETED hold a seat.
 */
public enum EnrollmentStatus {
    APPLIED, ENROLLED, WAITLISTED, REJECTED, COMPLETED, WITHDRAWN;

    public boolean holdsSeat() {
        return this == ENROLLED || this == COMPLETED;
    }
}
