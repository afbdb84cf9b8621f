package dev.gradlab.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the optional {@code questions:} list: first its form (kinds, fields, texts, limits, the strategy among the
 * scenario's), then, once the scenario is built, what depends on it (a number question's step, parameter and index).
 */
final class QuestionReader {

    static final int MAX_QUESTIONS = 50;
    /** Characters of a prompt, per language (as for a question posed by hand). */
    static final int MAX_PROMPT = 1000;

    static final int MAX_OPTIONS = 10;
    static final int MAX_CODE_LINES = 30;
    /** Characters of one option or one line of code. */
    static final int MAX_OPTION = 200;

    private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,64}");
    private static final Map<ScenarioQuestion.Kind, List<String>> FIELDS = Map.of(
            ScenarioQuestion.Kind.NUMBER, List.of("id", "kind", "prompt", "step", "strategy", "param", "index"),
            ScenarioQuestion.Kind.CHOICE, List.of("id", "kind", "prompt", "options", "answer"),
            ScenarioQuestion.Kind.BUG, List.of("id", "kind", "prompt", "code", "answer"));

    private final NodeReader read;

    QuestionReader(NodeReader read) {
        this.read = read;
    }

    List<ScenarioQuestion> read(JsonNode node, List<GradientStrategy> strategies) throws ScenarioException {
        if (!node.isArray() || node.isEmpty()) {
            throw read.error(
                    "/questions",
                    "questions must be a non-empty list of questions, e.g. [{id: theta-after-2, kind: number, step: 2,"
                            + " strategy: summed, param: theta}] (leave the field out for none)");
        }
        if (node.size() > MAX_QUESTIONS) {
            throw read.error(
                    "/questions/" + MAX_QUESTIONS,
                    "too many questions: " + node.size() + ", at most " + MAX_QUESTIONS + " are allowed");
        }
        List<ScenarioQuestion> out = new ArrayList<>();
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (int i = 0; i < node.size(); i++) {
            String at = "/questions/" + i;
            ScenarioQuestion q = question(node.get(i), at, strategies);
            Integer first = ids.putIfAbsent(q.id(), i);
            if (first != null) {
                throw read.error(
                        at + "/id",
                        "the question id '" + q.id() + "' is used twice (first by questions[" + first + "])");
            }
            out.add(q);
        }
        return out;
    }

    /** What only the built scenario can tell: a number question's step, parameter and index exist. */
    void check(Scenario scenario) throws ScenarioException {
        List<ScenarioQuestion> questions = scenario.common().questions();
        Map<String, TensorData> params =
                scenario.match(ManualScenario::params, ExpressionScenario::params, m -> Map.<String, TensorData>of());
        for (int i = 0; i < questions.size(); i++) {
            ScenarioQuestion q = questions.get(i);
            if (q.kind() != ScenarioQuestion.Kind.NUMBER) {
                continue;
            }
            String at = "/questions/" + i;
            if (scenario.kind() == Scenario.Kind.MODEL) {
                throw read.error(
                        at + "/kind",
                        "number questions are for manual and expression scenarios (live classes do not train models);"
                                + " choice and bug questions fit every kind");
            }
            if (q.step() > scenario.totalBatches()) {
                throw read.error(
                        at + "/step",
                        "step must be between 1 and " + scenario.totalBatches() + " (the scenario's batches), found "
                                + q.step());
            }
            String param = q.param() == null ? "" : q.param();
            String name = param.endsWith(".grad") ? param.substring(0, param.length() - ".grad".length()) : param;
            TensorData value = params.get(name);
            if (value == null) {
                String hint = Suggest.closest(name, params.keySet())
                        .map(s -> "did you mean '" + s + (param.endsWith(".grad") ? ".grad" : "") + "'? ")
                        .orElse("");
                throw read.error(
                        at + "/param",
                        "no parameter '" + name + "' (" + hint + "parameters: " + String.join(", ", params.keySet())
                                + "; add .grad for the gradient)");
            }
            if (q.index() >= value.numel()) {
                throw read.error(
                        at + "/index",
                        "index must be between 0 and " + (value.numel() - 1) + " for " + name + " ("
                                + value.numel() + (value.numel() == 1 ? " number" : " numbers, row by row")
                                + "), found " + q.index());
            }
        }
    }

    private ScenarioQuestion question(JsonNode node, String at, List<GradientStrategy> strategies)
            throws ScenarioException {
        if (!node.isObject()) {
            throw read.error(
                    at, "a question is a mapping with id, kind and its fields, found " + NodeReader.describe(node));
        }
        ScenarioQuestion.Kind kind = kind(node, at);
        List<String> allowed = java.util.Objects.requireNonNull(FIELDS.get(kind));
        String what = "a " + kind.fileName() + " question";
        for (var it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (allowed.contains(field)) {
                continue;
            }
            List<String> kinds = new ArrayList<>();
            for (ScenarioQuestion.Kind other : ScenarioQuestion.Kind.values()) {
                if (java.util.Objects.requireNonNull(FIELDS.get(other)).contains(field)) {
                    kinds.add(other.fileName());
                }
            }
            if (!kinds.isEmpty()) {
                throw read.error(
                        at + "/" + field,
                        "the field '" + field + "' is for " + String.join(" and ", kinds) + " questions"
                                + (kind == ScenarioQuestion.Kind.NUMBER && field.equals("answer")
                                        ? " (the engine computes a number question's answer)"
                                        : "")
                                + "; fields of " + what + ": " + String.join(", ", allowed));
            }
            String hint = Suggest.closest(field, allowed)
                    .map(s -> "did you mean '" + s + "'? ")
                    .orElse("");
            throw read.error(
                    at + "/" + field,
                    "unknown field '" + field + "' (" + hint + "fields of " + what + ": " + String.join(", ", allowed)
                            + ")");
        }
        String id = read.string(required(node, at, "id", what), at + "/id");
        if (!ID.matcher(id).matches()) {
            throw read.error(at + "/id", "question id '" + id + "' must be 1 to 64 characters from a-z, 0-9 and '-'");
        }
        LocalizedText prompt = prompt(required(node, at, "prompt", what), at + "/prompt");
        return switch (kind) {
            case NUMBER -> number(node, at, id, prompt, strategies);
            case CHOICE, BUG -> {
                String field = kind == ScenarioQuestion.Kind.BUG ? "code" : "options";
                int max = kind == ScenarioQuestion.Kind.BUG ? MAX_CODE_LINES : MAX_OPTIONS;
                List<LocalizedText> options = options(required(node, at, field, what), at + "/" + field, field, max);
                Integer answer = null;
                if (node.has("answer")) {
                    answer = read.integer(node.get("answer"), at + "/answer", 0);
                    if (answer >= options.size()) {
                        throw read.error(
                                at + "/answer",
                                "answer is the 0-based index of the correct "
                                        + (field.equals("code") ? "line" : "option") + ": 0 to " + (options.size() - 1)
                                        + ", found " + answer);
                    }
                } else if (kind == ScenarioQuestion.Kind.BUG) {
                    required(node, at, "answer", what);
                }
                yield new ScenarioQuestion(id, kind, prompt, options, answer, 0, null, null, 0);
            }
        };
    }

    private ScenarioQuestion.Kind kind(JsonNode node, String at) throws ScenarioException {
        String kind = read.string(required(node, at, "kind", "a question"), at + "/kind");
        for (ScenarioQuestion.Kind k : ScenarioQuestion.Kind.values()) {
            if (k.fileName().equals(kind)) {
                return k;
            }
        }
        String hint = Suggest.closest(kind, List.of("number", "choice", "bug"))
                .map(s -> "did you mean '" + s + "'? ")
                .orElse("");
        throw read.error(at + "/kind", "unknown question kind '" + kind + "' (" + hint + "kinds: number, choice, bug)");
    }

    private ScenarioQuestion number(
            JsonNode node, String at, String id, LocalizedText prompt, List<GradientStrategy> strategies)
            throws ScenarioException {
        String what = "a number question";
        int step = read.integer(required(node, at, "step", what), at + "/step", 1);
        String strategyName = read.string(required(node, at, "strategy", what), at + "/strategy");
        GradientStrategy strategy = strategies.stream()
                .filter(s -> s.name().equals(strategyName))
                .findFirst()
                .orElse(null);
        if (strategy == null) {
            List<String> names = strategies.stream().map(GradientStrategy::name).toList();
            String hint = Suggest.closest(strategyName, names)
                    .map(s -> "did you mean '" + s + "'? ")
                    .orElse("");
            throw read.error(
                    at + "/strategy",
                    "'" + strategyName + "' is not one of this scenario's strategies (" + hint + "strategies: "
                            + String.join(", ", names) + ")");
        }
        String param = read.string(required(node, at, "param", what), at + "/param");
        String name = param.endsWith(".grad") ? param.substring(0, param.length() - ".grad".length()) : param;
        if (!NodeReader.IDENTIFIER.matcher(name).matches()) {
            throw read.error(
                    at + "/param", "param is a parameter's name, or name.grad for its gradient, found '" + param + "'");
        }
        int index = node.has("index") ? read.integer(node.get("index"), at + "/index", 0) : 0;
        return new ScenarioQuestion(
                id, ScenarioQuestion.Kind.NUMBER, prompt, List.of(), null, step, strategy, param, index);
    }

    private LocalizedText prompt(JsonNode node, String at) throws ScenarioException {
        LocalizedText text = read.localized(node, at);
        for (var e : text.byLanguage().entrySet()) {
            String where = node.isTextual() ? at : at + "/" + e.getKey();
            if (e.getValue().isBlank()) {
                throw read.error(where, "the prompt is empty");
            }
            if (e.getValue().length() > MAX_PROMPT) {
                throw read.error(
                        where,
                        "the prompt has " + e.getValue().length() + " characters, at most " + MAX_PROMPT
                                + " are allowed");
            }
        }
        return text;
    }

    private List<LocalizedText> options(JsonNode node, String at, String field, int max) throws ScenarioException {
        String item = field.equals("code") ? "line" : "option";
        if (!node.isArray() || node.size() < 2 || node.size() > max) {
            throw read.error(
                    at,
                    field + " must be a list of 2 to " + max + " " + item + "s, found "
                            + (node.isArray()
                                    ? node.size() + " " + item + (node.size() == 1 ? "" : "s")
                                    : NodeReader.describe(node)));
        }
        List<LocalizedText> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode o = node.get(i);
            String where = at + "/" + i;
            // a line of code is the same in every language: a plain string is enough
            LocalizedText text = read.localized(o, where);
            for (var e : text.byLanguage().entrySet()) {
                String w = o.isTextual() ? where : where + "/" + e.getKey();
                String v = e.getValue();
                if ((item.equals("option") && v.isBlank()) || v.isEmpty()) {
                    throw read.error(w, "an empty " + item);
                }
                if (v.contains("\n") || v.contains("\r")) {
                    throw read.error(
                            w, item.equals("line") ? "a line of code holds no line break" : "an option is one line");
                }
                if (v.length() > MAX_OPTION) {
                    throw read.error(
                            w,
                            "the " + item + " has " + v.length() + " characters, at most " + MAX_OPTION
                                    + " are allowed");
                }
            }
            out.add(text);
        }
        if (item.equals("option")) {
            Set<String> seen = new LinkedHashSet<>();
            for (int i = 0; i < out.size(); i++) {
                String en = out.get(i).in(java.util.Locale.ENGLISH).strip();
                if (!seen.add(en)) {
                    throw read.error(at + "/" + i, "the option '" + en + "' is listed twice");
                }
            }
        }
        return out;
    }

    private JsonNode required(JsonNode node, String at, String field, String what) throws ScenarioException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw read.error(v == null ? at : at + "/" + field, what + " needs the field '" + field + "'");
        }
        return v;
    }
}
