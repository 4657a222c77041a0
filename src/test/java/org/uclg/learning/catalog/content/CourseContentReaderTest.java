package org.uclg.learning.catalog.content;

import org.uclg.learning.catalog.SectionKind;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CourseContentReaderTest {
    private static final Path REAL_TREE = Path.of("course-content");

    @Test
    void readsTheRealCatalogueOfSixModulesInThreeLanguages() {
        List<ModuleContent> modules = new CourseContentReader(REAL_TREE, "course-content").read();
        assertEquals(List.of("RES-1", "RES-2", "SDG-1", "SDG-2", "SDG-3", "SDG-4"),
                modules.stream().map(ModuleContent::code).sorted().toList());
        for (ModuleContent m : modules) {
            assertEquals(Set.of("en", "es", "fr"), m.title().keySet(), m.code());
            assertTrue(m.sections().size() >= 5 && m.sections().size() <= 8, m.code() + " has " + m.sections().size());
            Set<SectionKind> kinds = m.sections().stream().map(ModuleContent.SectionContent::kind).collect(Collectors.toSet());
            assertTrue(kinds.contains(SectionKind.PRE_ASSESSMENT) || kinds.contains(SectionKind.ASSESSMENT), m.code());
            if (m.track().equals("RES")) {
                assertTrue(kinds.contains(SectionKind.LIVE_SESSION), m.code() + " needs a live session");
            }
            for (var s : m.sections()) {
                assertEquals(Set.of("en", "es", "fr"), s.title().keySet());
                assertTrue(s.body().values().stream().noneMatch(String::isBlank), m.code() + "/" + s.key());
            }
            assertTrue(!m.title().get("es").equals(m.title().get("en")), m.code() + " Spanish title is not translated");
        }
        assertEquals("Localiser les ODD : une introduction",
                modules.stream().filter(m -> m.code().equals("SDG-1")).findFirst().orElseThrow().title().get("fr"));
    }

    @Test
    void sameContentHashesTheSame() {
        var first = new CourseContentReader(REAL_TREE, "course-content").read();
        var second = new CourseContentReader(REAL_TREE, "course-content").read();
        assertEquals(first.stream().map(ModuleContent::hash).toList(), second.stream().map(ModuleContent::hash).toList());
    }

    @Test
    void namesFileAndLineOfAnUnknownSectionKind(@TempDir Path dir) throws IOException {
        Path module = copyModule(dir, "SDG-1");
        replace(module.resolve("module.yaml"), "kind: LECTURE", "kind: LECTUR");
        int line = lineOf(module.resolve("module.yaml"), "kind: LECTUR");
        var e = assertThrows(ContentException.class, () -> new CourseContentReader(dir, "course-content").read());
        assertTrue(e.getMessage().startsWith("course-content/SDG-1/module.yaml:" + line + ": unknown section kind \"LECTUR\""), e.getMessage());
    }

    @Test
    void namesTheDuplicateSectionKey(@TempDir Path dir) throws IOException {
        Path module = copyModule(dir, "SDG-1");
        replace(module.resolve("module.yaml"), "key: post-assessment", "key: pre-assessment");
        int line = lineOf(module.resolve("module.yaml"), "key: pre-assessment", 2);
        var e = assertThrows(ContentException.class, () -> new CourseContentReader(dir, "course-content").read());
        assertEquals("course-content/SDG-1/module.yaml:" + line + ": duplicate section key \"pre-assessment\"", e.getMessage());
    }

    @Test
    void namesAMissingLanguageFile(@TempDir Path dir) throws IOException {
        Path module = copyModule(dir, "SDG-1");
        Files.delete(module.resolve("pre-assessment.es.md"));
        var e = assertThrows(ContentException.class, () -> new CourseContentReader(dir, "course-content").read());
        assertEquals("course-content/SDG-1/pre-assessment.es.md: missing: section \"pre-assessment\" has no es text", e.getMessage());
    }

    @Test
    void namesAMissingTitleLanguage(@TempDir Path dir) throws IOException {
        Path module = copyModule(dir, "SDG-1");
        List<String> lines = Files.readAllLines(module.resolve("module.yaml"));
        int fr = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("  fr:")) {
                fr = i;
                break;
            }
        }
        lines.remove(fr);
        Files.write(module.resolve("module.yaml"), lines);
        var e = assertThrows(ContentException.class, () -> new CourseContentReader(dir, "course-content").read());
        assertTrue(e.getMessage().matches("course-content/SDG-1/module.yaml:\\d+: title has no fr text"), e.getMessage());
    }

    @Test
    void namesAFrontMatterWithoutTitle(@TempDir Path dir) throws IOException {
        Path module = copyModule(dir, "SDG-1");
        Path file = module.resolve("pre-assessment.fr.md");
        List<String> lines = Files.readAllLines(file);
        lines.removeIf(l -> l.startsWith("title:"));
        Files.write(file, lines);
        var e = assertThrows(ContentException.class, () -> new CourseContentReader(dir, "course-content").read());
        assertEquals("course-content/SDG-1/pre-assessment.fr.md:2: missing field \"title\"", e.getMessage());
    }

    @Test
    void rejectsAStraySectionFile(@TempDir Path dir) throws IOException {
        Path module = copyModule(dir, "SDG-1");
        Files.writeString(module.resolve("orphan.en.md"), "---\ntitle: x\nsummary: y\n---\nz\n");
        var e = assertThrows(ContentException.class, () -> new CourseContentReader(dir, "course-content").read());
        assertEquals("course-content/SDG-1/orphan.en.md: no section \"orphan\" in module.yaml", e.getMessage());
    }

    private static Path copyModule(Path dir, String code) throws IOException {
        Path target = dir.resolve(code);
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(REAL_TREE.resolve(code))) {
            for (Path f : files.toList()) {
                Files.copy(f, target.resolve(f.getFileName()));
            }
        }
        return target;
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains(from), file + " has no " + from);
        Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(from), to), StandardCharsets.UTF_8);
    }

    private static int lineOf(Path file, String text) throws IOException {
        return lineOf(file, text, 1);
    }

    private static int lineOf(Path file, String text, int occurrence) throws IOException {
        List<String> lines = Files.readAllLines(file);
        int seen = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text) && ++seen == occurrence) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + file);
    }
}
