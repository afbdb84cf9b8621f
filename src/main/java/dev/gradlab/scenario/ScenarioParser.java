package dev.gradlab.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses and validates a scenario file (YAML, or JSON when the name ends in {@code .json}). Every failure is a
 * {@link ScenarioException} naming the file, the line and field, and for the loss the position in the expression.
 */
public final class ScenarioParser {

    static final long MAX_BATCHES = Limits.MAX_BATCHES;
    /** Every step records grad, applied and params: batches × parameter numbers bounds a run's memory and output. */
    static final long MAX_RECORDED = 1_000_000;

    private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,64}");
    private static final List<String> COMMON = List.of(
            "id", "title", "description", "kind", "learningRate", "optimizer", "strategies", "epochs", "questions");
    private static final Map<Scenario.Kind, List<String>> KIND_FIELDS = Map.of(
            Scenario.Kind.MANUAL, List.of("params", "gradients"),
            Scenario.Kind.EXPRESSION, List.of("params", "loss", "data", "batchSize", "steps"),
            Scenario.Kind.MODEL, List.of("dataset", "model", "seed", "batchSize"));

    private final SourceTree tree;
    private final NodeReader read;
    private final String text;

    private ScenarioParser(SourceTree tree, String text) {
        this.tree = tree;
        this.read = new NodeReader(tree);
        this.text = text;
    }

    public static Scenario parse(String text, String fileName) throws ScenarioException {
        if (text.length() > Limits.MAX_FILE_BYTES) { // the same cap whether the text came from a file or a form
            throw new ScenarioException(fileName, null, null, null, ScenarioFiles.tooLarge());
        }
        return new ScenarioParser(SourceTree.read(text, fileName), text).scenario();
    }

    private Scenario scenario() throws ScenarioException {
        JsonNode root = tree.root;
        Scenario.Kind kind = kind(required("kind"));
        checkFields(root, kind);
        String id = read.string(required("id"), "/id");
        if (!ID.matcher(id).matches()) {
            throw read.error("/id", "id '" + id + "' must be 1 to 64 characters from a-z, 0-9 and '-'");
        }
        LocalizedText title = text(required("title"), "/title");
        LocalizedText description = root.has("description") ? text(root.get("description"), "/description") : null;
        double learningRate = read.number(required("learningRate"), "/learningRate");
        if (learningRate < 0) {
            throw read.error("/learningRate", "the learning rate must be >= 0, found " + learningRate);
        }
        OptimizerSpec optimizer = root.has("optimizer")
                ? new OptimizerReader(read).read(root.get("optimizer"), "/optimizer")
                : OptimizerSpec.sgd();
        List<GradientStrategy> strategies =
                root.has("strategies") ? strategies(root.get("strategies")) : GradientStrategy.DEFAULTS;
        int epochs = root.has("epochs") ? read.integer(root.get("epochs"), "/epochs", 1) : 1;
        QuestionReader questionReader = new QuestionReader(read);
        List<ScenarioQuestion> questions =
                root.has("questions") ? questionReader.read(root.get("questions"), strategies) : List.of();
        var common = new Scenario.Common(
                id, title, description, learningRate, optimizer, strategies, epochs, tree.fileName, text, questions);
        Scenario s = switch (kind) {
            case MANUAL -> manual(common);
            case EXPRESSION -> expression(common);
            case MODEL -> new ModelReader(tree, read).read(root, common);
        };
        if (s.totalBatches() > MAX_BATCHES) {
            String at = root.has("epochs")
                    ? "/epochs"
                    : s.match(
                            m -> "/gradients",
                            e -> root.has("steps") ? "/steps" : root.has("batchSize") ? "/batchSize" : "/data",
                            m -> "/batchSize");
            throw read.error(
                    at,
                    "too many batches: "
                            + (epochs == 1 ? "" : s.batchesPerEpoch() + " per epoch x " + epochs + " epochs = ")
                            + s.totalBatches() + " per run, at most 10,000 are allowed");
        }
        long paramNumbers = s
                .match(ManualScenario::params, ExpressionScenario::params, m -> Map.<String, TensorData>of())
                .values()
                .stream()
                .mapToLong(TensorData::numel)
                .sum();
        if (s.totalBatches() * paramNumbers > MAX_RECORDED) {
            throw read.error(
                    "/params",
                    "too many values to record: " + s.totalBatches() + " batches x "
                            + paramNumbers + " parameter numbers = " + s.totalBatches() * paramNumbers
                            + ", a run records at most 1,000,000 (use fewer batches or smaller parameters)");
        }
        questionReader.check(s);
        return s;
    }

    private ManualScenario manual(Scenario.Common common) throws ScenarioException {
        Map<String, TensorData> params = read.tensors(required("params"), "/params", "params");
        return new ManualScenario(common, params, new DataReader(read).gradients(required("gradients"), params));
    }

    private ExpressionScenario expression(Scenario.Common common) throws ScenarioException {
        JsonNode root = tree.root;
        Map<String, TensorData> params = read.tensors(required("params"), "/params", "params");
        Map<String, TensorData> data = Map.of();
        int batchSize = 0;
        int steps = 0;
        if (root.has("data")) {
            data = new DataReader(read).data(root.get("data"), params);
            int rows = data.values().iterator().next().shape()[0];
            batchSize = root.has("batchSize") ? read.integer(root.get("batchSize"), "/batchSize", 1) : rows;
            if (root.has("steps")) {
                throw read.error(
                        "/steps",
                        "steps is for a loss without data; with data, batches come from "
                                + "batchSize and their number from the rows (use epochs to repeat them)");
            }
        } else {
            if (root.has("batchSize")) {
                throw read.error("/batchSize", "batchSize needs data to split into batches");
            }
            steps = root.has("steps") ? read.integer(root.get("steps"), "/steps", 1) : 1;
        }
        String lossText = read.string(required("loss"), "/loss");
        LossCheck lossCheck = new LossCheck(tree, params, data, batchSize);
        Expression loss = lossCheck.check(lossText);
        int rows = data.isEmpty() ? 0 : data.values().iterator().next().shape()[0];
        Budget.checkExpression(
                read,
                Budget.expressionEpoch(lossCheck, rows, batchSize, steps),
                common.epochs(),
                common.strategies().size(),
                root.has("epochs"));
        return new ExpressionScenario(common, params, loss, lossText, data, batchSize, steps);
    }

    private JsonNode required(String field) throws ScenarioException {
        JsonNode node = tree.root.get(field);
        if (node == null || node.isNull()) {
            throw new ScenarioException(
                    tree.fileName,
                    node == null ? null : tree.line("/" + field),
                    field,
                    null,
                    "the field '" + field + "' is required");
        }
        return node;
    }

    private Scenario.Kind kind(JsonNode node) throws ScenarioException {
        String kind = read.string(node, "/kind");
        for (Scenario.Kind k : Scenario.Kind.values()) {
            if (k.fileName().equals(kind)) {
                return k;
            }
        }
        throw read.error("/kind", "unknown kind '" + kind + "' (kinds: manual, expression, model)");
    }

    private void checkFields(JsonNode root, Scenario.Kind kind) throws ScenarioException {
        List<String> allowed = new ArrayList<>(COMMON);
        allowed.addAll(KIND_FIELDS.get(kind));
        for (var it = root.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (allowed.contains(field)) {
                continue;
            }
            for (var other : KIND_FIELDS.entrySet()) {
                if (other.getValue().contains(field)) {
                    throw read.error(
                            "/" + field,
                            "the field '" + field + "' belongs to kind: "
                                    + other.getKey().fileName() + ", but this scenario is kind: " + kind.fileName());
                }
            }
            String hint = Suggest.closest(field, allowed)
                    .map(s -> "did you mean '" + s + "'? ")
                    .orElse("");
            throw read.error(
                    "/" + field,
                    "unknown field '" + field + "' (" + hint + "fields for kind: " + kind.fileName() + ": "
                            + String.join(", ", allowed) + ")");
        }
    }

    private LocalizedText text(JsonNode node, String pointer) throws ScenarioException {
        return read.localized(node, pointer);
    }

    private List<GradientStrategy> strategies(JsonNode node) throws ScenarioException {
        if (!node.isArray() || node.isEmpty()) {
            throw read.error(
                    "/strategies",
                    "strategies must be a non-empty list, e.g. [zeroed, summed, averaged, {accumulate: 2}]");
        }
        Set<GradientStrategy> strategies = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String at = "/strategies/" + i;
            GradientStrategy strategy = strategy(node.get(i), at);
            if (!strategies.add(strategy)) {
                throw read.error(at, "the strategy '" + strategy.name() + "' is listed twice");
            }
        }
        return List.copyOf(strategies);
    }

    private GradientStrategy strategy(JsonNode node, String at) throws ScenarioException {
        if (node.isObject() && node.size() == 1 && node.has("accumulate")) {
            return accumulate(read.integer(node.get("accumulate"), at + "/accumulate", 2), at + "/accumulate");
        }
        if (node.isTextual()) {
            GradientStrategy strategy = null;
            try {
                strategy = GradientStrategy.parse(node.asText());
            } catch (IllegalArgumentException e) {
                // the message below names the YAML form too
            }
            if (strategy instanceof GradientStrategy.Accumulate a) {
                return accumulate(a.k(), at);
            }
            if (strategy != null) {
                return strategy;
            }
        }
        throw read.error(
                at,
                "unknown strategy " + NodeReader.describe(node)
                        + " (strategies: zeroed, summed, averaged, {accumulate: K} with K >= 2)");
    }

    private GradientStrategy accumulate(int k, String at) throws ScenarioException {
        if (k > Limits.MAX_BATCHES) {
            throw read.error(
                    at, "accumulate: K is at most 10,000 (the batch limit of a run), found " + Budget.count(k));
        }
        return new GradientStrategy.Accumulate(k);
    }
}
