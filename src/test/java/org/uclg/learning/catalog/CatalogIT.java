package org.uclg.learning.catalog;

import org.uclg.learning.catalog.content.CourseContentReader;
import org.uclg.learning.catalog.content.ModuleContent;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.uclg.learning.catalog.content.ModuleContent.SectionContent;
import org.uclg.learning.support.Api;
import org.uclg.learning.support.IntegrationBase;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class CatalogIT extends IntegrationBase {
    @Inject
    CatalogSync sync;

    private final List<ModuleContent> realContent = new CourseContentReader(Path.of("course-content"), "course-content").read();

    private String title(String code, String lang) {
        return realContent.stream().filter(m -> m.code().equals(code)).findFirst().orElseThrow().title().get(lang);
    }

    @Test
    void listsTheSixModulesInFrenchSpanishAndEnglish() {
        for (String lang : List.of("fr", "es", "en")) {
            var r = api.get("/api/v1/modules?lang=" + lang, null);
            assertEquals(200, r.status(), r.body());
            assertEquals(lang, r.header("Content-Language"));
            List<Map<String, Object>> modules = r.jsonList();
            assertEquals(List.of("SDG-1", "SDG-2", "SDG-3", "SDG-4", "RES-1", "RES-2"), modules.stream().map(m -> m.get("code")).toList());
            for (Map<String, Object> m : modules) {
                assertEquals(title((String) m.get("code"), lang), m.get("title"));
                assertTrue(((List<?>) m.get("sections")).size() >= 5);
            }
        }
    }

    @Test
    void unknownLanguageFallsBackToEnglishAndAcceptLanguageIsHonoured() {
        var de = api.get("/api/v1/modules?lang=de", null);
        assertEquals(title("SDG-1", "en"), de.jsonList().get(0).get("title"));
        var header = api.get("/api/v1/modules", null, "Accept-Language", "es-CO,es;q=0.9,en;q=0.5");
        assertEquals(title("SDG-1", "es"), header.jsonList().get(0).get("title"));
    }

    @Test
    void showsOneModuleWithItsSectionsInOrder() {
        var r = api.get("/api/v1/modules/res-1?lang=fr", null);
        assertEquals(200, r.status(), r.body());
        Map<String, Object> module = r.json();
        assertEquals("RES-1", module.get("code"));
        assertEquals(List.of("UN-Habitat", "UNDRR"), module.get("partners"));
        List<Map<String, Object>> sections = (List<Map<String, Object>>) module.get("sections");
        ModuleContent expected = realContent.stream().filter(m -> m.code().equals("RES-1")).findFirst().orElseThrow();
        assertEquals(expected.sections().stream().map(SectionContent::key).toList(), sections.stream().map(s -> s.get("key")).toList());
        assertEquals(expected.sections().get(0).title().get("fr"), sections.get(0).get("title"));
        assertNotNull(sections.get(0).get("body"));
        assertTrue(sections.stream().anyMatch(s -> "LIVE_SESSION".equals(s.get("kind"))));
        assertEquals(expected.sections().stream().mapToInt(SectionContent::minutes).sum(), module.get("totalMinutes"));
    }

    @Test
    void unknownModuleIsAProblem404() {
        var r = api.get("/api/v1/modules/XYZ-9", null);
        assertEquals(404, r.status());
        assertEquals("application/problem+json", r.contentType());
        assertEquals("https://learning.uclg.org/problems/not-found", r.json().get("type"));
    }

    @Test
    void syncOfUnchangedContentWritesNothing() {
        String before = stamps();
        var r = api.post("/api/v1/admin/catalog/sync", "", api.adminToken());
        assertEquals(200, r.status(), r.body());
        assertEquals(0, r.json().get("modulesUpdated"));
        assertEquals(0, r.json().get("sectionsAdded"));
        assertEquals(0, r.json().get("sectionsUpdated"));
        assertEquals(before, stamps());
    }

    @Test
    void onlyAdminsMaySync() {
        Api.Account learner = api.newLearner("sync");
        assertEquals(403, api.post("/api/v1/admin/catalog/sync", "", learner.token()).status());
        assertEquals(401, api.post("/api/v1/admin/catalog/sync", "", null).status());
    }

    @Test
    void removedSectionIsRetiredNotDeletedAndComesBackWhenRestored() {
        try {
            retireAndRestore();
        } finally {
            sync.sync(realContent);
        }
        assertEquals(404, api.get("/api/v1/modules/TST-9", null).status());
    }

    private void retireAndRestore() {
        ModuleContent test = testModule(List.of("intro", "exercise", "quiz"));
        List<ModuleContent> withTest = new ArrayList<>(realContent);
        withTest.add(test);
        sync.sync(withTest);
        long exerciseId = sectionId("exercise");

        withTest.set(withTest.size() - 1, testModule(List.of("intro", "quiz")));
        SyncReport removed = sync.sync(withTest);
        assertEquals(1, removed.sectionsRetired());
        assertEquals(exerciseId, sectionId("exercise"));
        assertNotNull(retiredAt("exercise"));
        var shownResponse = api.get("/api/v1/modules/TST-9", null);
        assertEquals(200, shownResponse.status(), shownResponse.body());
        var shown = shownResponse.json();
        assertEquals(List.of("intro", "quiz"), ((List<Map<String, Object>>) shown.get("sections")).stream().map(s -> s.get("key")).toList());

        withTest.set(withTest.size() - 1, testModule(List.of("intro", "exercise", "quiz")));
        sync.sync(withTest);
        assertEquals(exerciseId, sectionId("exercise"));
        assertNull(retiredAt("exercise"));

        SyncReport gone = sync.sync(realContent);
        assertEquals(1, gone.modulesRetired());
    }

    private static ModuleContent testModule(List<String> keys) {
        List<SectionContent> sections = new ArrayList<>();
        for (String key : keys) {
            Map<String, String> t = Map.of("en", key, "es", key, "fr", key);
            sections.add(new SectionContent(key, sections.size() + 1, SectionKind.CHAPTER, 10, true, t, t, t));
        }
        Map<String, String> t = Map.of("en", "Test", "es", "Prueba", "fr", "Essai");
        return new ModuleContent("TST-9", "TST", 9, 1, List.of(), t, t, sections);
    }

    private long sectionId(String key) {
        return (Long) db.value("SELECT id FROM sections WHERE module_code = 'TST-9' AND key = ?", key);
    }

    private Object retiredAt(String key) {
        return db.value("SELECT retired_at FROM sections WHERE module_code = 'TST-9' AND key = ?", key);
    }

    private String stamps() {
        return (String) db.value("SELECT (SELECT string_agg(code || updated_at::text, ',' ORDER BY code) FROM modules WHERE code <> 'TST-9')"
                + " || (SELECT string_agg(id || updated_at::text, ',' ORDER BY id) FROM sections WHERE module_code <> 'TST-9')");
    }
}
