package org.uclg.learning.catalog.content;

import org.uclg.learning.catalog.SectionKind;

import org.uclg.learning.catalog.content.ModuleContent.SectionContent;
import org.uclg.learning.shared.Languages;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.uclg.learning.catalog.content.YamlNodes.error;
import static org.uclg.learning.catalog.content.YamlNodes.fields;
import static org.uclg.learning.catalog.content.YamlNodes.integer;
import static org.uclg.learning.catalog.content.YamlNodes.languages;
import static org.uclg.learning.catalog.content.YamlNodes.mapping;
import static org.uclg.learning.catalog.content.YamlNodes.nonBlank;
import static org.uclg.learning.catalog.content.YamlNodes.parse;
import static org.uclg.learning.catalog.content.YamlNodes.required;
import static org.uclg.learning.catalog.content.YamlNodes.scalar;
import static org.uclg.learning.catalog.content.YamlNodes.sequence;

/**
 * Reads the course-content/ tree (format in course-content/README.md) and checks it whole, so that
 * an author's mistake stops start-up with the file and line instead of half a catalogue. The typed
 * reads of YAML nodes, and their messages, are in {@link YamlNodes}.
 */
public final class CourseContentReader {
    private static final Pattern CODE = Pattern.compile("([A-Z]{2,8})-([1-9][0-9]?)");
    private static final Pattern KEY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern SECTION_FILE = Pattern.compile("(.+)\\.([a-z]{2})\\.md");
    private static final Set<String> MODULE_FIELDS = Set.of("code", "track", "number", "version", "partners", "title", "summary", "sections");
    private static final Set<String> SECTION_FIELDS = Set.of("key", "kind", "minutes", "required");
    private static final Set<String> FRONT_MATTER_FIELDS = Set.of("title", "summary");

    private final Path root;
    private final String rootName;

    /** {@code rootName} is how files are named in messages, e.g. {@code course-content}. */
    public CourseContentReader(Path root, String rootName) {
        this.root = root;
        this.rootName = rootName;
    }

    public List<ModuleContent> read() {
        List<Path> folders;
        try (Stream<Path> children = Files.list(root)) {
            folders = children.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        if (folders.isEmpty()) {
            throw new ContentException(rootName, 0, "no module folders");
        }
        List<ModuleContent> modules = new ArrayList<>();
        Set<String> trackNumbers = new HashSet<>();
        for (Path folder : folders) {
            ModuleContent module = readModule(folder);
            if (!trackNumbers.add(module.track() + module.number())) {
                throw new ContentException(name(folder.resolve("module.yaml")), 0,
                        "another module already has track " + module.track() + " number " + module.number());
            }
            modules.add(module);
        }
        return modules;
    }

    private ModuleContent readModule(Path folder) {
        String folderName = folder.getFileName().toString();
        Path file = folder.resolve("module.yaml");
        String fileName = name(file);
        if (!Files.isRegularFile(file)) {
            throw new ContentException(name(folder), 0, "module folder has no module.yaml");
        }
        MappingNode doc = mapping(parse(fileName, text(file, fileName)), fileName, "module.yaml");
        Map<String, NodeTuple> fields = fields(doc, fileName, MODULE_FIELDS);

        String code = scalar(required(fields, "code", doc, fileName), fileName, "code");
        var codeMatch = CODE.matcher(code);
        if (!codeMatch.matches()) {
            throw error(fileName, fields.get("code").getValueNode(), "code \"" + code + "\" is not like SDG-1 or RES-2");
        }
        if (!code.equals(folderName)) {
            throw error(fileName, fields.get("code").getValueNode(), "code \"" + code + "\" must equal its folder name \"" + folderName + "\"");
        }
        String track = scalar(required(fields, "track", doc, fileName), fileName, "track");
        int number = integer(required(fields, "number", doc, fileName), fileName, "number", 1, 99);
        if (!track.equals(codeMatch.group(1)) || number != Integer.parseInt(codeMatch.group(2))) {
            throw error(fileName, fields.get("track").getValueNode(), "track and number must match the code " + code);
        }
        int version = integer(required(fields, "version", doc, fileName), fileName, "version", 1, 9999);
        List<String> partners = new ArrayList<>();
        NodeTuple partnersField = fields.get("partners");
        if (partnersField != null) {
            SequenceNode seq = sequence(partnersField.getValueNode(), fileName, "partners");
            for (Node n : seq.getValue()) {
                partners.add(scalar(n, fileName, "partners"));
            }
        }
        Map<String, String> title = languages(required(fields, "title", doc, fileName), fileName, "title");
        Map<String, String> summary = languages(required(fields, "summary", doc, fileName), fileName, "summary");

        SequenceNode sectionNodes = sequence(required(fields, "sections", doc, fileName), fileName, "sections");
        if (sectionNodes.getValue().isEmpty()) {
            throw error(fileName, sectionNodes, "a module needs at least one section");
        }
        List<SectionContent> sections = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        int position = 0;
        for (Node node : sectionNodes.getValue()) {
            position++;
            MappingNode sectionNode = mapping(node, fileName, "sections[" + (position - 1) + "]");
            Map<String, NodeTuple> sf = fields(sectionNode, fileName, SECTION_FIELDS);
            Node keyNode = required(sf, "key", sectionNode, fileName);
            String key = scalar(keyNode, fileName, "key");
            if (!KEY.matcher(key).matches()) {
                throw error(fileName, keyNode, "section key \"" + key + "\" must be lower-case letters, digits and hyphens");
            }
            if (!keys.add(key)) {
                throw error(fileName, keyNode, "duplicate section key \"" + key + "\"");
            }
            Node kindNode = required(sf, "kind", sectionNode, fileName);
            String kindText = scalar(kindNode, fileName, "kind");
            SectionKind kind;
            try {
                kind = SectionKind.valueOf(kindText);
            } catch (IllegalArgumentException e) {
                throw error(fileName, kindNode, "unknown section kind \"" + kindText + "\"; one of " + List.of(SectionKind.values()));
            }
            int minutes = integer(required(sf, "minutes", sectionNode, fileName), fileName, "minutes", 1, 1440);
            boolean required = true;
            if (sf.containsKey("required")) {
                Node r = sf.get("required").getValueNode();
                String value = scalar(r, fileName, "required");
                if (!value.equals("true") && !value.equals("false")) {
                    throw error(fileName, r, "required must be true or false");
                }
                required = Boolean.parseBoolean(value);
            }
            sections.add(readSectionTexts(folder, key, position, kind, minutes, required));
        }
        checkNoStrayFiles(folder, keys);
        return new ModuleContent(code, track, number, version, List.copyOf(partners), title, summary, List.copyOf(sections));
    }

    private SectionContent readSectionTexts(Path folder, String key, int position, SectionKind kind, int minutes, boolean required) {
        Map<String, String> title = new LinkedHashMap<>();
        Map<String, String> summary = new LinkedHashMap<>();
        Map<String, String> body = new LinkedHashMap<>();
        for (String lang : Languages.SUPPORTED) {
            Path file = folder.resolve(key + "." + lang + ".md");
            String fileName = name(file);
            if (!Files.isRegularFile(file)) {
                throw new ContentException(fileName, 0, "missing: section \"" + key + "\" has no " + lang + " text");
            }
            String text = text(file, fileName).replace("\r\n", "\n");
            if (!text.startsWith("---\n")) {
                throw new ContentException(fileName, 1, "must start with a --- front matter line");
            }
            int end = text.indexOf("\n---", 3);
            if (end < 0) {
                throw new ContentException(fileName, 1, "front matter is not closed by a --- line");
            }
            // a blank first line stands for the opening ---, so YAML line numbers are file line numbers
            String frontMatter = "\n" + text.substring(4, end + 1);
            MappingNode fm = mapping(parse(fileName, frontMatter), fileName, "front matter");
            Map<String, NodeTuple> fields = fields(fm, fileName, FRONT_MATTER_FIELDS);
            title.put(lang, nonBlank(required(fields, "title", fm, fileName), fileName, "title"));
            summary.put(lang, nonBlank(required(fields, "summary", fm, fileName), fileName, "summary"));
            int bodyStart = text.indexOf('\n', end + 1);
            body.put(lang, bodyStart < 0 ? "" : text.substring(bodyStart + 1).strip());
        }
        return new SectionContent(key, position, kind, minutes, required, title, summary, body);
    }

    private void checkNoStrayFiles(Path folder, Set<String> keys) {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                String fileName = file.getFileName().toString();
                if (fileName.equals("module.yaml") || fileName.startsWith(".")) {
                    continue;
                }
                var m = SECTION_FILE.matcher(fileName);
                if (!m.matches()) {
                    throw new ContentException(name(file), 0, "unexpected file; sections are <key>.<lang>.md");
                }
                if (!keys.contains(m.group(1))) {
                    throw new ContentException(name(file), 0, "no section \"" + m.group(1) + "\" in module.yaml");
                }
                if (!Languages.isSupported(m.group(2))) {
                    throw new ContentException(name(file), 0, "language \"" + m.group(2) + "\" is not one of " + Languages.SUPPORTED);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String text(Path file, String fileName) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString()
                    .replace("\uFEFF", "");
        } catch (CharacterCodingException e) {
            throw new ContentException(fileName, 0, "is not UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String name(Path path) {
        return rootName + "/" + root.relativize(path).toString().replace('\\', '/');
    }
}
