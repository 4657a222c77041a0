package org.uclg.learning.catalog;

import org.uclg.learning.catalog.content.CourseContentReader;
import org.uclg.learning.catalog.content.ModuleContent;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.uclg.learning.catalog.content.ModuleContent.SectionContent;
import org.uclg.learning.support.Api;
import org.uclg.learning.support.IntegrationBase;
import org.uclg.learning.support.Fixtures;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Content that changes after learners finished does not take their completion away. */
@MicronautTest(transactional = false)
class ContentChangeIT extends IntegrationBase {
    @Inject
    CatalogSync sync;

    private final List<ModuleContent> realContent = new CourseContentReader(Path.of("course-content"), "course-content").read();

    private List<ModuleContent> withModule(List<String> keys) {
        List<SectionContent> sections = new ArrayList<>();
        for (String key : keys) {
            Map<String, String> t = Map.of("en", key, "es", key, "fr", key);
            sections.add(new SectionContent(key, sections.size() + 1, SectionKind.CHAPTER, 10, true, t, t, t));
        }
        Map<String, String> t = Map.of("en", "Change", "es", "Cambio", "fr", "Changement");
        List<ModuleContent> all = new ArrayList<>(realContent);
        all.add(new ModuleContent("CHG-1", "CHG", 1, 1, List.of(), t, t, sections));
        return all;
    }

    @Test
    void aCompletedEnrollmentStaysCompletedWhenARequiredSectionIsAddedLater() {
        try {
            sync.sync(withModule(List.of("one", "two")));
            String cohort = (String) fx.createCohort(Fixtures.cohortBody("CHG-1", "SELF_PACED", null, "OPEN", "AFRICA", List.of()), fx.admin()).get("id");
            Api.Account learner = fx.learner("change");
            String enrollment = (String) fx.enroll(cohort, learner.token()).get("id");
            for (String key : List.of("one", "two")) {
                api.put("/api/v1/enrollments/" + enrollment + "/sections/" + key, Map.of("status", "COMPLETED"), learner.token());
            }
            assertEquals("COMPLETED", fx.status(enrollment));

            sync.sync(withModule(List.of("one", "two", "three")));
            var progress = api.get("/api/v1/enrollments/" + enrollment + "/progress", learner.token());
            assertEquals(200, progress.status(), progress.body());
            assertEquals("COMPLETED", progress.json().get("status"));
            assertEquals(true, progress.json().get("completed"));
            assertEquals(List.of(), progress.json().get("missing"));
            assertEquals(66, progress.json().get("percent"));
            assertEquals("COMPLETED", fx.status(enrollment));

            // recording the new section later is still accepted and changes nothing about the completion
            var late = api.put("/api/v1/enrollments/" + enrollment + "/sections/three", Map.of("status", "COMPLETED"), learner.token());
            assertEquals(200, late.status(), late.body());
            assertEquals(100, late.json().get("percent"));
            assertEquals(1L, fx.scalar("SELECT count(*) FROM xapi_statements WHERE enrollment_id = ?::uuid AND verb = 'completed' "
                    + "AND statement->'object'->>'id' LIKE '%/modules/CHG-1'", enrollment));
        } finally {
            sync.sync(realContent);
        }
    }
}
