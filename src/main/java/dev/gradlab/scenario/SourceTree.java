package dev.gradlab.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A scenario file read into a Jackson tree, plus the line where every field and list item starts — Jackson's tree
 * forgets locations, and an instructor needs "line 12", not a JSON pointer.
 */
final class SourceTree {

    static final long MAX_NUMBERS = 1_000_000;

    final String fileName;
    final JsonNode root;
    private final Map<String, Integer> lines;

    private SourceTree(String fileName, JsonNode root, Map<String, Integer> lines) {
        this.fileName = fileName;
        this.root = root;
        this.lines = lines;
    }

    static SourceTree read(String text, String fileName) throws ScenarioException {
        JsonFactory factory = isJson(text, fileName) ? jsonFactory() : yamlFactory();
        Map<String, Integer> lines = new HashMap<>();
        JsonParser p = null;
        try {
            p = factory.createParser(text);
            long numbers = 0;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                var context = t.isStructStart() ? p.getParsingContext().getParent() : p.getParsingContext();
                String pointer = context == null ? "" : context.pathAsPointer().toString();
                lines.putIfAbsent(pointer, p.currentTokenLocation().getLineNr());
                if (t.isNumeric()) {
                    p.getNumberValue(); // decoded here, not later in readTree, so a failure still knows its field
                }
                // Manual gradients are a manual scenario's data, so they count too.
                if (t.isNumeric()
                        && (pointer.startsWith("/params/")
                                || pointer.startsWith("/data/")
                                || pointer.startsWith("/gradients/"))
                        && ++numbers > MAX_NUMBERS) {
                    throw new ScenarioException(
                            fileName,
                            p.currentTokenLocation().getLineNr(),
                            null,
                            null,
                            "too many numbers: params and data together may hold at most 1,000,000");
                }
                if (t.isStructEnd() && p.getParsingContext().inRoot()) {
                    if (p.nextToken() != null) {
                        throw new ScenarioException(
                                fileName,
                                p.currentTokenLocation().getLineNr(),
                                null,
                                null,
                                "a file holds exactly one scenario, but a second document starts here");
                    }
                    break;
                }
            }
            JsonNode root = new ObjectMapper(factory).readTree(text);
            if (root == null || !root.isObject()) {
                throw new ScenarioException(
                        fileName,
                        1,
                        null,
                        null,
                        "a scenario file is one mapping of fields (id, title, kind, ...), not "
                                + (root == null || root.isMissingNode() ? "an empty file" : NodeReader.describe(root)));
            }
            return new SourceTree(fileName, root, lines);
        } catch (JsonProcessingException e) {
            throw malformed(fileName, e, factory instanceof YAMLFactory ? "YAML" : "JSON", p);
        } catch (IOException e) {
            throw new ScenarioException(fileName, null, null, null, "cannot be read: " + e.getMessage());
        } finally {
            if (p != null) {
                try {
                    p.close();
                } catch (IOException ignored) {
                    // reading from a String: nothing to release
                }
            }
        }
    }

    private static boolean isJson(String text, String fileName) {
        // Everything else is read as YAML, which also accepts JSON-style flow syntax.
        return fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".json");
    }

    private static JsonFactory jsonFactory() {
        return JsonFactory.builder()
                .streamReadConstraints(CONSTRAINTS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    /** Jackson's own caps, within the file-size cap: no string or number longer than the file, nesting 64 deep. */
    private static final com.fasterxml.jackson.core.StreamReadConstraints CONSTRAINTS =
            com.fasterxml.jackson.core.StreamReadConstraints.builder()
                    .maxNestingDepth(64)
                    .maxStringLength(Limits.MAX_FILE_BYTES)
                    .maxNumberLength(1000)
                    .maxNameLength(1000)
                    .build();

    private static JsonFactory yamlFactory() {
        LoaderOptions options = new LoaderOptions();
        // The file-size cap speaks first; these stop what fits in 1 MB yet expands: deep nesting, alias bombs.
        options.setCodePointLimit(Limits.MAX_FILE_BYTES + 1);
        options.setNestingDepthLimit(64);
        options.setMaxAliasesForCollections(20);
        options.setAllowRecursiveKeys(false);
        return YAMLFactory.builder()
                .loaderOptions(options)
                .streamReadConstraints(CONSTRAINTS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    private static final java.util.regex.Pattern NON_FINITE =
            java.util.regex.Pattern.compile("Malformed numeric value '([-+]?\\.(?:inf|Inf|INF|nan|NaN|NAN))'");

    private static ScenarioException malformed(
            String fileName, JsonProcessingException e, String format, @Nullable JsonParser p) {
        var nonFinite = NON_FINITE.matcher(e.getOriginalMessage());
        if (nonFinite.find() && p != null) {
            // SnakeYAML reads .inf/.nan, but Jackson refuses them as numbers: still a non-finite number to the user.
            String field = p.getParsingContext().pathAsPointer().toString();
            Integer line = e.getLocation() != null ? e.getLocation().getLineNr() : null;
            return new ScenarioException(
                    fileName,
                    line,
                    field.isEmpty() ? null : field(field),
                    null,
                    "not a finite number: " + nonFinite.group(1));
        }
        if (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
            Integer at = p != null ? Integer.valueOf(p.currentLocation().getLineNr()) : null;
            return new ScenarioException(
                    fileName,
                    at != null && at > 0 ? at : null,
                    null,
                    null,
                    "malformed " + format + ": " + constraint(e.getOriginalMessage()));
        }
        Throwable cause = e.getCause();
        if (cause instanceof MarkedYAMLException m && m.getProblemMark() != null) {
            String problem = m.getProblem() != null ? m.getProblem() : m.getMessage();
            String context = m.getContext() != null ? " (" + m.getContext() + ")" : "";
            return new ScenarioException(
                    fileName,
                    m.getProblemMark().getLine() + 1,
                    null,
                    null,
                    "malformed " + format + ": " + problem + context + " at column "
                            + (m.getProblemMark().getColumn() + 1));
        }
        Integer line = e.getLocation() != null && e.getLocation().getLineNr() > 0
                ? e.getLocation().getLineNr()
                : null;
        String column = e.getLocation() != null && e.getLocation().getColumnNr() > 0
                ? " at column " + e.getLocation().getColumnNr()
                : "";
        String message = e.getOriginalMessage();
        if (message.startsWith("Duplicate field")) {
            return new ScenarioException(
                    fileName, line, null, null, message.replace("Duplicate field", "duplicate field"));
        }
        return new ScenarioException(fileName, line, null, null, "malformed " + format + ": " + message + column);
    }

    /** Jackson's limit messages name its own classes; say what the limit is about instead. */
    private static String constraint(String message) {
        if (message.startsWith("Document nesting depth")) {
            return "lists and mappings nested more than 64 levels deep";
        } else if (message.startsWith("Number value length")) {
            return "a number longer than 1,000 characters";
        } else if (message.startsWith("String value length")) {
            return "a text longer than the 1 MB file limit";
        } else if (message.startsWith("Name length")) {
            return "a field name longer than 1,000 characters";
        }
        return "a value beyond the reader's limits";
    }

    /** The line of the field or item at {@code pointer} (e.g. {@code /params/theta}), or of its nearest parent. */
    @Nullable
    Integer line(String pointer) {
        JsonPointer p = JsonPointer.compile(pointer);
        while (p != null) {
            Integer line = lines.get(p.toString());
            if (line != null) {
                return line;
            }
            p = p.head();
        }
        return null;
    }

    /** An error at {@code pointer}, shown as a field path like {@code gradients[1].theta}. */
    ScenarioException error(String pointer, String cause) {
        return new ScenarioException(fileName, line(pointer), field(pointer), null, cause);
    }

    static String field(String pointer) {
        StringBuilder s = new StringBuilder();
        for (String part : pointer.substring(1).split("/")) {
            String name = part.replace("~1", "/").replace("~0", "~");
            if (name.chars().allMatch(Character::isDigit) && !name.isEmpty()) {
                s.append('[').append(name).append(']');
            } else {
                s.append(s.length() == 0 ? "" : ".").append(name);
            }
        }
        return s.toString();
    }
}
