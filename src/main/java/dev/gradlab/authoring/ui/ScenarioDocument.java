package dev.gradlab.authoring.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The editor's two panes in one model: a scenario file as a Jackson YAML tree, read into the form's texts and written
 * back from them. Form → YAML regenerates the whole document (in a fixed key order, keeping keys the form does not
 * know, so the parser still names them); YAML → form fills every field. Nothing here validates a scenario: that is
 * the {@code run} parser's job, behind the authoring service.
 */
final class ScenarioDocument {

    /** A form field whose text is not YAML at all, with Jackson's one-line reason. */
    record FieldError(FormField field, String message) {}

    /** Form → YAML: the document's text, or the first field whose text cannot be read. */
    record Written(@Nullable String yaml, @Nullable FieldError error) {}

    private static final YAMLMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                    .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
                    .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                    .build())
            .build();

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_\\-]*");
    private static final Set<String> RESERVED =
            Set.of("true", "false", "null", "yes", "no", "on", "off", "y", "n", "~");

    private ScenarioDocument() {}

    /** The tree of a YAML (or JSON) text; throws with Jackson's message when it is not a mapping. */
    static ObjectNode read(String text) throws JsonProcessingException {
        JsonNode node = YAML.readTree(text);
        if (node instanceof ObjectNode object) {
            return object;
        }
        throw new IllegalArgumentException("the file is not a mapping of fields");
    }

    /** YAML → form: the text each form field shows for {@code tree}. */
    static Map<FormField, String> toForm(ObjectNode tree) {
        Map<FormField, String> out = new EnumMap<>(FormField.class);
        for (FormField f : FormField.values()) {
            JsonNode node = at(tree, f.path());
            if (node == null && (f == FormField.TITLE_EN || f == FormField.DESCRIPTION_EN)) {
                JsonNode whole = tree.get(f.path().split("\\.")[0]);
                node = whole != null && whole.isTextual() ? whole : null; // title: "…" is English
            }
            out.put(f, node == null ? "" : text(f, node));
        }
        return out;
    }

    /** Form → YAML, starting from {@code previous} so that keys the form does not show are kept. */
    static Written fromForm(Map<FormField, String> form, @Nullable ObjectNode previous) {
        ObjectNode merged = previous == null ? JsonNodeFactory.instance.objectNode() : previous.deepCopy();
        for (String top : new String[] {"title", "description"}) {
            if (merged.has(top) && !merged.get(top).isObject()) {
                merged.remove(top); // a plain string becomes a map of languages
            }
        }
        String kind = form.getOrDefault(FormField.KIND, "").strip();
        for (FormField f : FormField.values()) {
            String text = form.getOrDefault(f, "");
            JsonNode value;
            try {
                value = f.inKind(kind) ? value(f, text) : null;
            } catch (JsonProcessingException | IllegalArgumentException e) {
                return new Written(null, new FieldError(f, oneLine(e)));
            }
            put(merged, f.path(), value);
        }
        ObjectNode ordered = JsonNodeFactory.instance.objectNode();
        for (String key : FormField.TOP_ORDER) {
            if (merged.has(key)) {
                ordered.set(key, merged.get(key));
            }
        }
        merged.fieldNames().forEachRemaining(k -> {
            if (!ordered.has(k)) {
                ordered.set(k, merged.get(k));
            }
        });
        return new Written(write(ordered), null);
    }

    static String write(ObjectNode tree) {
        try {
            return YAML.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree read from text always writes", e);
        }
    }

    /** Jackson's message of a YAML problem, in one line and without its source excerpt. */
    static String oneLine(Exception e) {
        String m = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        String line = Objects.requireNonNullElse(m, e.toString())
                .replaceAll("\\s*\\R\\s*", " ")
                .strip();
        if (e instanceof JsonProcessingException j
                && j.getLocation() != null
                && j.getLocation().getLineNr() > 0) {
            line = "line " + j.getLocation().getLineNr() + ": " + line;
        }
        return line.length() > 300 ? line.substring(0, 299) + "…" : line;
    }

    private static @Nullable JsonNode value(FormField f, String text) throws JsonProcessingException {
        if (text.isBlank()) {
            return null;
        }
        return switch (f.shape()) {
            case STRING -> TextNode.valueOf(text.strip());
            case TEXT -> TextNode.valueOf(text);
            case SCALAR -> {
                JsonNode n = YAML.readTree(text.strip());
                yield n == null || n.isMissingNode() || n.isNull() ? TextNode.valueOf(text.strip()) : n;
            }
            case FLOW, BLOCK -> {
                JsonNode n = YAML.readTree(text);
                yield n == null || n.isMissingNode() ? null : n;
            }
        };
    }

    private static String text(FormField f, JsonNode node) {
        return switch (f.shape()) {
            case STRING, TEXT, SCALAR -> node.isValueNode() ? node.asText() : flow(node);
            case FLOW -> flow(node);
            case BLOCK -> block(node);
        };
    }

    /** One value on one line, in YAML's flow style: {@code {theta: 2}}, {@code [2, 16, 2]}. */
    static String flow(JsonNode node) {
        if (node.isObject()) {
            StringBuilder s = new StringBuilder("{");
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                s.append(scalar(e.getKey())).append(": ").append(flow(e.getValue()));
                if (it.hasNext()) {
                    s.append(", ");
                }
            }
            return s.append('}').toString();
        }
        if (node.isArray()) {
            StringBuilder s = new StringBuilder("[");
            for (int i = 0; i < node.size(); i++) {
                s.append(i > 0 ? ", " : "").append(flow(node.get(i)));
            }
            return s.append(']').toString();
        }
        if (node.isTextual()) {
            return scalar(node.textValue());
        }
        return node.asText();
    }

    /** A mapping as one {@code key: value} line per entry, a list as one {@code - value} line per item. */
    private static String block(JsonNode node) {
        StringBuilder s = new StringBuilder();
        if (node.isObject()) {
            node.fields()
                    .forEachRemaining(e -> s.append(scalar(e.getKey()))
                            .append(": ")
                            .append(flow(e.getValue()))
                            .append('\n'));
        } else if (node.isArray()) {
            node.forEach(item -> s.append("- ").append(flow(item)).append('\n'));
        } else {
            return flow(node);
        }
        return s.toString().stripTrailing();
    }

    private static String scalar(String text) {
        if (PLAIN.matcher(text).matches() && !RESERVED.contains(text.toLowerCase(java.util.Locale.ROOT))) {
            return text;
        }
        return TextNode.valueOf(text).toString(); // JSON's double-quoted string is also YAML's
    }

    private static @Nullable JsonNode at(ObjectNode tree, String path) {
        JsonNode node = tree;
        for (String part : path.split("\\.")) {
            if (node == null || !node.isObject()) {
                return null;
            }
            node = node.get(part);
        }
        return node;
    }

    /** Sets (or, for null, removes) {@code path}; an emptied parent mapping is removed too. */
    private static void put(ObjectNode tree, String path, @Nullable JsonNode value) {
        String[] parts = path.split("\\.");
        if (parts.length == 1) {
            if (value == null) {
                tree.remove(parts[0]);
            } else {
                tree.set(parts[0], value);
            }
            return;
        }
        JsonNode parent = tree.get(parts[0]);
        ObjectNode object;
        if (parent instanceof ObjectNode existing) {
            object = existing;
        } else {
            if (value == null) {
                return;
            }
            object = JsonNodeFactory.instance.objectNode();
            tree.set(parts[0], object);
        }
        if (value == null) {
            object.remove(parts[1]);
            if (object.isEmpty()) {
                tree.remove(parts[0]);
            }
        } else {
            object.set(parts[1], value);
        }
    }

    /** Keys of {@code tree} no form field shows (kept on regeneration; the parser says whether they are allowed). */
    static Set<String> otherKeys(ObjectNode tree) {
        Set<String> out = new LinkedHashSet<>();
        tree.fieldNames().forEachRemaining(k -> {
            if (!FormField.TOP_ORDER.contains(k)) {
                out.add(k);
            }
        });
        return out;
    }
}
