package org.uclg.learning.reporting;

/**
 * The small-numbers rule: a count of people under the threshold is shown as "&lt;5" (for a
 * threshold of 5), never as the number, so that nobody can be singled out in a cell.
 */
final class Privacy {
    private final int threshold;

    Privacy(int threshold) {
        this.threshold = Math.max(1, threshold);
    }

    int threshold() {
        return threshold;
    }

    /** The count, or the "&lt;N" string when it is under the threshold. */
    Object people(long count) {
        return count < threshold ? hidden() : count;
    }

    String hidden() {
        return "<" + threshold;
    }

    boolean shows(long count) {
        return count >= threshold;
    }
}
