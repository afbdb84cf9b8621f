package dev.gradlab.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads typed values out of a {@link SourceTree}, failing with the field's line and path. */
final class NodeReader {

    static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    private final SourceTree tree;

    NodeReader(SourceTree tree) {
        this.tree = tree;
    }

    ScenarioException error(String pointer, String cause) {
        return tree.error(pointer, cause);
    }

    double number(JsonNode node, String pointer) throws ScenarioException {
        if (node.isNumber()) {
            double v = node.doubleValue();
            if (!Double.isFinite(v)) {
                throw error(pointer, "not a finite number: " + node.asText());
            }
            return v;
        }
        if (node.isTextual() && node.asText().matches("[-+]?\\.(inf|Inf|INF|nan|NaN|NAN)|[-+]?(Infinity|NaN)")) {
            throw error(pointer, "not a finite number: " + node.asText());
        }
        throw error(pointer, "expected a number, found " + describe(node));
    }

    int integer(JsonNode node, String pointer, int min) throws ScenarioException {
        double v = number(node, pointer);
        if (v != Math.rint(v) || v < min || v > Integer.MAX_VALUE) {
            throw error(pointer, "expected a whole number >= " + min + ", found " + node.asText());
        }
        return (int) v;
    }

    String string(JsonNode node, String pointer) throws ScenarioException {
        if (!node.isTextual()) {
            throw error(pointer, "expected a string, found " + describe(node));
        }
        return node.asText();
    }

    /** A string (English) or a mapping of language tag -> string, e.g. {@code {en: ..., zh-TW: ...}}. */
    LocalizedText localized(JsonNode node, String pointer) throws ScenarioException {
        if (node.isTextual()) {
            return LocalizedText.of(node.asText());
        }
        if (!node.isObject() || node.isEmpty()) {
            throw error(pointer, "expected a string or a mapping of language -> string ({en: ..., zh-TW: ...})");
        }
        Map<String, String> byLanguage = new LinkedHashMap<>();
        for (var it = node.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!LANGUAGE.matcher(e.getKey()).matches()) {
                throw error(pointer + "/" + e.getKey(), "'" + e.getKey() + "' is not a language tag like en or zh-TW");
            }
            byLanguage.put(e.getKey(), string(e.getValue(), pointer + "/" + e.getKey()));
        }
        return new LocalizedText(byLanguage);
    }

    /** A number (shape []), a list of numbers ([n]) or a list of equally long lists of numbers ([r, c]). */
    TensorData tensor(JsonNode node, String pointer) throws ScenarioException {
        if (!node.isArray()) {
            return new TensorData(new int[0], new double[] {number(node, pointer)});
        }
        if (node.isEmpty()) {
            throw error(pointer, "an empty list holds no numbers");
        }
        if (!node.get(0).isArray()) {
            double[] v = new double[node.size()];
            for (int i = 0; i < v.length; i++) {
                if (node.get(i).isArray()) {
                    throw error(
                            pointer + "/" + i,
                            "mixes numbers and lists: write either a list of numbers or a list of rows");
                }
                v[i] = number(node.get(i), pointer + "/" + i);
            }
            return new TensorData(new int[] {v.length}, v);
        }
        int rows = node.size();
        int cols = node.get(0).size();
        if (cols == 0) {
            throw error(pointer + "/0", "an empty row holds no numbers");
        }
        double[] v = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            JsonNode row = node.get(r);
            String at = pointer + "/" + r;
            if (!row.isArray()) {
                throw error(at, "mixes numbers and lists: write either a list of numbers or a list of rows");
            }
            if (row.size() != cols) {
                throw error(at, "row " + r + " has " + row.size() + " numbers but row 0 has " + cols);
            }
            for (int c = 0; c < cols; c++) {
                if (row.get(c).isArray()) {
                    throw error(at + "/" + c, "at most two levels of lists (a matrix) are supported");
                }
                v[r * cols + c] = number(row.get(c), at + "/" + c);
            }
        }
        return new TensorData(new int[] {rows, cols}, v);
    }

    /** A mapping name → tensor with identifier names that are not function names. */
    Map<String, TensorData> tensors(JsonNode node, String pointer, String what) throws ScenarioException {
        if (!node.isObject() || node.isEmpty()) {
            throw error(
                    pointer, what + " must be a non-empty mapping of name -> number or list, found " + describe(node));
        }
        Map<String, TensorData> out = new LinkedHashMap<>();
        for (var it = node.fields(); it.hasNext(); ) {
            var e = it.next();
            String at = pointer + "/" + e.getKey();
            checkName(e.getKey(), at);
            out.put(e.getKey(), tensor(e.getValue(), at));
        }
        return out;
    }

    void checkName(String name, String pointer) throws ScenarioException {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw error(
                    pointer, "'" + name + "' is not a valid name (letters, digits and _, not starting with a digit)");
        }
        if (Function.byText(name).isPresent()) {
            throw error(pointer, "'" + name + "' is a function of the loss language and cannot name a value");
        }
    }

    static String describe(JsonNode node) {
        if (node.isNull()) {
            return "nothing";
        }
        if (node.isTextual()) {
            return "the text \"" + node.asText() + "\"";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isBoolean()) {
            return "the value " + node.asText();
        }
        if (node.isObject()) {
            return "a mapping";
        }
        return node.getNodeType().toString().toLowerCase() + " " + node.asText();
    }
}
