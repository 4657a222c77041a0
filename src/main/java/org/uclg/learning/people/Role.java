package org.uclg.learning.people;

/** What an account may do; see DESIGN.md "Roles". Every account is a LEARNER. */
public enum Role {
    LEARNER, TRAINER, SECTION_COORDINATOR, ADMIN
}
