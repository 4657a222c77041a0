package org.uclg.learning.catalog.content;

import org.uclg.learning.shared.Languages;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.StringReader;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Typed reads of SnakeYAML nodes. Content files are read as nodes rather than plain maps because
 * nodes keep their line numbers, so every complaint can name the file and line an author must fix.
 * {@code file} is the name used in messages; {@code field} is what the value is called there.
 */
final class YamlNodes {
    private YamlNodes() {
    }

    /** Parses YAML into nodes, which keep their line numbers. */
    static Node parse(String file, String yaml) {
        try {
            Node node = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
            if (node == null) {
                throw new ContentException(file, 1, "empty");
            }
            return node;
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new ContentException(file, line, "not valid YAML: " + e.getProblem());
        }
    }

    /** The fields of a mapping by name; a field outside {@code allowed}, or one given twice, is an error. */
    static Map<String, NodeTuple> fields(MappingNode map, String file, Set<String> allowed) {
        Map<String, NodeTuple> fields = new HashMap<>();
        for (NodeTuple t : map.getValue()) {
            String key = scalar(t.getKeyNode(), file, "key");
            if (!allowed.contains(key)) {
                throw error(file, t.getKeyNode(), "unknown field \"" + key + "\"; expected one of " + allowed.stream().sorted().toList());
            }
            if (fields.put(key, t) != null) {
                throw error(file, t.getKeyNode(), "field \"" + key + "\" appears twice");
            }
        }
        return fields;
    }

    /** The value of a field that must be present; a missing one is reported at its {@code parent}. */
    static Node required(Map<String, NodeTuple> fields, String field, Node parent, String file) {
        NodeTuple t = fields.get(field);
        if (t == null) {
            throw error(file, parent, "missing field \"" + field + "\"");
        }
        return t.getValueNode();
    }

    /** A mapping with one non-blank text per supported language, in {@link Languages#SUPPORTED} order. */
    static Map<String, String> languages(Node node, String file, String field) {
        MappingNode map = mapping(node, file, field);
        Map<String, NodeTuple> byLang = fields(map, file, Set.copyOf(Languages.SUPPORTED));
        Map<String, String> texts = new LinkedHashMap<>();
        for (String lang : Languages.SUPPORTED) {
            NodeTuple t = byLang.get(lang);
            if (t == null) {
                throw error(file, node, field + " has no " + lang + " text");
            }
            texts.put(lang, nonBlank(t.getValueNode(), file, field + "." + lang));
        }
        return texts;
    }

    static String nonBlank(Node node, String file, String field) {
        String value = scalar(node, file, field);
        if (value.isBlank()) {
            throw error(file, node, field + " must not be empty");
        }
        return value.strip();
    }

    static int integer(Node node, String file, String field, int min, int max) {
        String value = scalar(node, file, field);
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                throw error(file, node, field + " must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw error(file, node, field + " must be a whole number, not \"" + value + "\"");
        }
    }

    static String scalar(Node node, String file, String field) {
        if (node instanceof ScalarNode s) {
            return s.getValue();
        }
        throw error(file, node, field + " must be a single value");
    }

    static MappingNode mapping(Node node, String file, String field) {
        if (node instanceof MappingNode m) {
            return m;
        }
        throw error(file, node, field + " must be a mapping of name: value");
    }

    static SequenceNode sequence(Node node, String file, String field) {
        if (node instanceof SequenceNode s) {
            return s;
        }
        throw error(file, node, field + " must be a list");
    }

    /** An author's mistake at {@code node}'s line (0 when there is no node). */
    static ContentException error(String file, Node node, String message) {
        int line = node == null ? 0 : node.getStartMark().getLine() + 1;
        return new ContentException(file, line, message);
    }
}
