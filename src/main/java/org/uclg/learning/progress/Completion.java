package org.uclg.learning.progress;

import org.uclg.learning.catalog.SectionInfo;
import org.uclg.learning.catalog.SectionKind;
import org.uclg.learning.cohorts.CohortKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Evaluates a completion rule against one learner's progress; pure, so it is tested without a database. */
public final class Completion {
    private Completion() {
    }

    /** What the learner has left to do, in words a trainer can act on; empty when complete. */
    record Evaluation(int percent, boolean met, List<String> missing) {
    }

    static Evaluation evaluate(List<SectionInfo> sections, Map<Long, SectionState> progress, CohortKind kind, CompletionRule rule) {
        List<String> missing = new ArrayList<>();
        int counted = 0;
        int done = 0;
        int live = 0;
        int attended = 0;
        for (SectionInfo s : sections) {
            if (!s.required()) {
                continue;
            }
            SectionState state = progress.get(s.id());
            boolean completed = state != null && state.status() == ProgressStatus.COMPLETED;
            if (s.kind() == SectionKind.LIVE_SESSION) {
                if (kind == CohortKind.SELF_PACED) {
                    continue;
                }
                live++;
                counted++;
                if (completed) {
                    attended++;
                    done++;
                }
                continue;
            }
            counted++;
            if (!completed) {
                missing.add(s.key() + ": not completed");
                continue;
            }
            done++;
            if (gates(s.kind()) && (state.score() == null || state.score() < rule.passMark())) {
                missing.add(s.key() + ": score " + state.score() + " is below the pass mark " + rule.passMark());
            }
        }
        int liveNeeded = (live * rule.minLiveShare() + 99) / 100;
        if (attended < liveNeeded) {
            missing.add("live sessions: attended " + attended + " of " + live + ", " + liveNeeded + " needed");
        }
        int percent = counted == 0 ? 100 : done * 100 / counted;
        return new Evaluation(percent, missing.isEmpty(), List.copyOf(missing));
    }

    /** Scored sections whose score must reach the pass mark; a pre-assessment only needs taking. */
    public static boolean gates(SectionKind kind) {
        return kind == SectionKind.ASSESSMENT || kind == SectionKind.POST_ASSESSMENT;
    }
}
