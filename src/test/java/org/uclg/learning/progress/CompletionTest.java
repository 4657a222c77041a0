package org.uclg.learning.progress;

import org.junit.jupiter.api.Test;
import org.uclg.learning.catalog.SectionInfo;
import org.uclg.learning.catalog.SectionKind;
import org.uclg.learning.cohorts.CohortKind;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompletionTest {
    private static final UUID E = UUID.randomUUID();
    private static final List<SectionInfo> SECTIONS = List.of(
            section(1, "pre", SectionKind.PRE_ASSESSMENT, true),
            section(2, "read", SectionKind.CHAPTER, true),
            section(3, "case", SectionKind.CASE_STUDY, false),
            section(4, "live-1", SectionKind.LIVE_SESSION, true),
            section(5, "live-2", SectionKind.LIVE_SESSION, true),
            section(6, "live-3", SectionKind.LIVE_SESSION, true),
            section(7, "live-4", SectionKind.LIVE_SESSION, true),
            section(8, "post", SectionKind.POST_ASSESSMENT, true));

    private static SectionInfo section(long id, String key, SectionKind kind, boolean required) {
        return new SectionInfo(id, "TST-1", key, (int) id, kind, 30, required, Map.of("en", key));
    }

    private static Map<Long, SectionState> done(Object... idAndScore) {
        Map<Long, SectionState> map = new HashMap<>();
        for (int i = 0; i < idAndScore.length; i += 2) {
            long id = ((Number) idAndScore[i]).longValue();
            Integer score = (Integer) idAndScore[i + 1];
            map.put(id, new SectionState(E, id, ProgressStatus.COMPLETED, score, Instant.EPOCH, Instant.EPOCH, E));
        }
        return map;
    }

    @Test
    void selfPacedIgnoresLiveSessionsAndOptionalSections() {
        var rule = CompletionRule.defaultFor(E, CohortKind.SELF_PACED);
        var result = Completion.evaluate(SECTIONS, done(1, 20, 2, null, 8, 70), CohortKind.SELF_PACED, rule);
        assertTrue(result.met(), result.missing().toString());
        assertEquals(100, result.percent());
    }

    @Test
    void postAssessmentBelowThePassMarkBlocksCompletionButAPreAssessmentDoesNot() {
        var rule = CompletionRule.defaultFor(E, CohortKind.SELF_PACED);
        var result = Completion.evaluate(SECTIONS, done(1, 5, 2, null, 8, 69), CohortKind.SELF_PACED, rule);
        assertFalse(result.met());
        assertEquals(List.of("post: score 69 is below the pass mark 70"), result.missing());
    }

    @Test
    void facilitatedNeedsThreeOfFourLiveSessionsByDefault() {
        var rule = CompletionRule.defaultFor(E, CohortKind.FACILITATED);
        var twoLive = Completion.evaluate(SECTIONS, done(1, 50, 2, null, 4, null, 5, null, 8, 90), CohortKind.FACILITATED, rule);
        assertFalse(twoLive.met());
        assertEquals(List.of("live sessions: attended 2 of 4, 3 needed"), twoLive.missing());
        assertEquals(5 * 100 / 7, twoLive.percent());
        var threeLive = Completion.evaluate(SECTIONS, done(1, 50, 2, null, 4, null, 5, null, 6, null, 8, 90), CohortKind.FACILITATED, rule);
        assertTrue(threeLive.met());
    }

    @Test
    void trainersOfTrainersAttendEveryLiveSession() {
        var rule = CompletionRule.defaultFor(E, CohortKind.TOT);
        var result = Completion.evaluate(SECTIONS, done(1, 50, 2, null, 4, null, 5, null, 6, null, 8, 90), CohortKind.TOT, rule);
        assertEquals(List.of("live sessions: attended 3 of 4, 4 needed"), result.missing());
    }

    @Test
    void gainIsPostMinusPreAndItsShareOfWhatWasPossible() {
        assertEquals(new LearningGain(40, 80, 40, 40 / 60.0), LearningGain.of(40, 80));
        assertEquals(new LearningGain(100, 90, -10, null), LearningGain.of(100, 90));
        assertEquals(new LearningGain(null, 90, null, null), LearningGain.of(null, 90));
    }
}
