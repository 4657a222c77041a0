package org.uclg.learning.support;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every operation of the service's own OpenAPI document, read from the running service at test
 * time, so a test that walks them (hostile input, the access matrix) covers a new operation as
 * soon as it is added. Only the document is read here; what to send is the walking test's business.
 */
public final class OpenApiOperations {
    public static final String DOCUMENT = "/swagger/learning-api.yml";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    /** One parameter ({@code in} is path, query or header), with its resolved schema. */
    public record Parameter(String name, String in, boolean required, Map<String, Object> schema) {
        public String type() {
            return (String) schema.getOrDefault("type", "string");
        }

        public String format() {
            return (String) schema.get("format");
        }
    }

    /** A request body: its media type, and for JSON objects the resolved schema of each property. */
    public record Body(String mediaType, boolean required, Map<String, Object> schema, Map<String, Map<String, Object>> properties) {
        public boolean isJson() {
            return mediaType.equals("application/json");
        }
    }

    /** One operation: {@code method} upper case, {@code path} as the template in the document. */
    public record Operation(String method, String path, String operationId, List<Parameter> parameters, Body body) {
        public List<Parameter> in(String where) {
            return parameters.stream().filter(p -> p.in().equals(where)).toList();
        }

        /** The path with its variables replaced (URL-encoded) from {@code values}; a missing one throws. */
        public String expand(Map<String, String> values) {
            String p = path;
            for (Parameter parameter : in("path")) {
                String value = values.get(parameter.name());
                if (value == null) {
                    throw new IllegalArgumentException("no value for {" + parameter.name() + "} in " + path);
                }
                p = p.replace("{" + parameter.name() + "}", URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
            }
            return p;
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private final Map<String, Object> document;
    private final List<Operation> operations;

    private OpenApiOperations(Map<String, Object> document) {
        this.document = document;
        this.operations = read();
    }

    /** Fetches the document from the running service. */
    public static OpenApiOperations of(Api api) {
        Api.Response r = api.get(DOCUMENT, null);
        if (r.status() != 200) {
            throw new AssertionError("no OpenAPI document at " + DOCUMENT + ": " + r.status());
        }
        return parse(r.body());
    }

    public static OpenApiOperations parse(String yaml) {
        Map<String, Object> doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        return new OpenApiOperations(doc);
    }

    public List<Operation> operations() {
        return operations;
    }

    @SuppressWarnings("unchecked")
    private List<Operation> read() {
        List<Operation> result = new ArrayList<>();
        Map<String, Object> paths = (Map<String, Object>) document.getOrDefault("paths", Map.of());
        paths.forEach((path, item) -> {
            Map<String, Object> pathItem = (Map<String, Object>) item;
            List<Object> shared = (List<Object>) pathItem.getOrDefault("parameters", List.of());
            pathItem.forEach((method, op) -> {
                if (!METHODS.contains(method)) {
                    return;
                }
                Map<String, Object> operation = (Map<String, Object>) op;
                List<Parameter> parameters = new ArrayList<>();
                List<Object> all = new ArrayList<>(shared);
                all.addAll((List<Object>) operation.getOrDefault("parameters", List.of()));
                for (Object p : all) {
                    Map<String, Object> param = resolve((Map<String, Object>) p);
                    parameters.add(new Parameter((String) param.get("name"), (String) param.get("in"),
                            Boolean.TRUE.equals(param.get("required")),
                            resolve((Map<String, Object>) param.getOrDefault("schema", Map.of()))));
                }
                result.add(new Operation(method.toUpperCase(), path, (String) operation.get("operationId"), parameters,
                        body((Map<String, Object>) operation.get("requestBody"))));
            });
        });
        return result;
    }

    @SuppressWarnings("unchecked")
    private Body body(Map<String, Object> requestBody) {
        if (requestBody == null) {
            return null;
        }
        Map<String, Object> rb = resolve(requestBody);
        Map<String, Object> content = (Map<String, Object>) rb.getOrDefault("content", Map.of());
        if (content.isEmpty()) {
            return null;
        }
        String mediaType = content.containsKey("application/json") ? "application/json" : content.keySet().iterator().next();
        Map<String, Object> media = (Map<String, Object>) content.get(mediaType);
        Map<String, Object> schema = resolve((Map<String, Object>) media.getOrDefault("schema", Map.of()));
        return new Body(mediaType, Boolean.TRUE.equals(rb.get("required")), schema, properties(schema));
    }

    /** The properties of an object schema, each resolved ({@code $ref} followed, {@code allOf} merged). */
    @SuppressWarnings("unchecked")
    public Map<String, Map<String, Object>> properties(Map<String, Object> schema) {
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        Map<String, Object> props = (Map<String, Object>) resolve(schema).getOrDefault("properties", Map.of());
        props.forEach((name, s) -> result.put(name, resolve((Map<String, Object>) s)));
        return result;
    }

    /** Follows {@code $ref} and merges {@code allOf}, so a schema's own keys ({@code type}, {@code format}, {@code enum}) are at hand. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> resolve(Map<String, Object> schema) {
        Map<String, Object> s = schema;
        for (int depth = 0; s.containsKey("$ref") && depth < 20; depth++) {
            s = pointer((String) s.get("$ref"));
        }
        if (s.containsKey("allOf")) {
            Map<String, Object> merged = new LinkedHashMap<>(s);
            merged.remove("allOf");
            for (Object part : (List<Object>) s.get("allOf")) {
                resolve((Map<String, Object>) part).forEach(merged::putIfAbsent);
            }
            return merged;
        }
        return s;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> pointer(String ref) {
        if (!ref.startsWith("#/")) {
            throw new IllegalArgumentException("external $ref " + ref);
        }
        Object node = document;
        for (String part : ref.substring(2).split("/")) {
            node = ((Map<String, Object>) node).get(part.replace("~1", "/").replace("~0", "~"));
            if (node == null) {
                throw new IllegalArgumentException("dangling $ref " + ref);
            }
        }
        return (Map<String, Object>) node;
    }
}
