package org.uclg.learning.catalog;

/** What a module section is; assessments carry a 0–100 score. */
public enum SectionKind {
    CHAPTER, LECTURE, EXERCISE, CASE_STUDY, PRE_ASSESSMENT, ASSESSMENT, POST_ASSESSMENT, LIVE_SESSION;

    public boolean isScored() {
        return this == PRE_ASSESSMENT || this == ASSESSMENT || this == POST_ASSESSMENT;
    }
}
