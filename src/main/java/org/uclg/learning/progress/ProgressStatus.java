package org.uclg.learning.progress;

/** Where a learner stands on one section. */
public enum ProgressStatus {
    STARTED, COMPLETED
}
