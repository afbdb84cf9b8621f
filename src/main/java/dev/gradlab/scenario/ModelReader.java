package dev.gradlab.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the fields of a {@code kind: model} scenario ({@code dataset}, {@code model}, {@code seed},
 * {@code batchSize}) and checks them against the data set they name: the first layer must take its features and the
 * last give its classes. The data sets' shapes are listed here because scenarios must not depend on the lab; a lab
 * test keeps this table equal to the real data sets.
 */
final class ModelReader {

    /** Data set name → {features, classes}. */
    static final Map<String, int[]> DATASETS = Map.of(
            "spiral",
            new int[] {2, 2},
            "xor",
            new int[] {2, 2},
            "circle",
            new int[] {2, 2},
            "gaussian",
            new int[] {2, 2},
            "fashion-mnist",
            new int[] {784, 10},
            "mnist",
            new int[] {784, 10});

    static final List<String> DATASET_ORDER = List.of("spiral", "xor", "circle", "gaussian", "fashion-mnist", "mnist");
    /** Same cap as the lab's data sets: a typo must not exhaust a shared classroom server. */
    static final int MAX_SAMPLES = 100_000;

    static final int MAX_LAYER = 4096;
    static final long MAX_PARAMETERS = 1_000_000;
    /** Bundled Fashion-MNIST subset: training images (for the batch limit). */
    static final int BUNDLED_TRAIN = 6_000;

    static final int BUNDLED_TEST = 1_000;

    private static final List<String> DATASET_FIELDS = List.of("name", "samples", "noise", "testFraction", "folder");
    private static final List<String> GENERATED_ONLY = List.of("samples", "noise", "testFraction");
    private static final List<String> MODEL_FIELDS = List.of("layers", "activation", "dropout");
    private static final List<String> ACTIVATIONS = List.of("relu", "tanh", "sigmoid");

    private final SourceTree tree;
    private final NodeReader read;

    ModelReader(SourceTree tree, NodeReader read) {
        this.tree = tree;
        this.read = read;
    }

    /** The model part of the scenario whose root is {@code root}; the common values come from the parser. */
    ModelScenario read(JsonNode root, Scenario.Common common) throws ScenarioException {
        int epochs = common.epochs();
        JsonNode dataset = mapping(
                root, "dataset", DATASET_FIELDS, "{name: spiral, samples: 400, noise: 0.1, testFraction: 0.25}");
        String name = read.string(required(dataset, "/dataset", "name"), "/dataset/name")
                .strip()
                .toLowerCase(Locale.ROOT);
        int[] shape = DATASETS.get(name);
        if (shape == null) {
            throw read.error(
                    "/dataset/name",
                    "unknown data set '" + name + "' (data sets: " + String.join(", ", DATASET_ORDER) + ")");
        }
        boolean images = shape[0] != 2;
        if (images) {
            for (String f : GENERATED_ONLY) {
                if (dataset.has(f)) {
                    throw read.error(
                            "/dataset/" + f,
                            f + " is for the generated data sets; " + name
                                    + " is read from image files and keeps their own train/test split");
                }
            }
        } else if (dataset.has("folder")) {
            throw read.error(
                    "/dataset/folder",
                    "folder is for the image data sets (fashion-mnist, mnist); " + name
                            + " is generated from the seed");
        }
        int samples = dataset.has("samples") ? read.integer(dataset.get("samples"), "/dataset/samples", 4) : 400;
        if (samples > MAX_SAMPLES) {
            throw read.error("/dataset/samples", "at most 100,000 samples are allowed, found " + samples);
        }
        double noise = dataset.has("noise") ? read.number(dataset.get("noise"), "/dataset/noise") : 0.0;
        if (noise < 0 || noise > 1) {
            throw read.error(
                    "/dataset/noise", "noise must be in [0, 1] (0.5 is the playground's maximum), found " + noise);
        }
        double testFraction =
                dataset.has("testFraction") ? read.number(dataset.get("testFraction"), "/dataset/testFraction") : 0.25;
        if (!(testFraction > 0 && testFraction < 1)) {
            throw read.error(
                    "/dataset/testFraction", "testFraction must be strictly between 0 and 1, found " + testFraction);
        }
        int test = (int) Math.round(samples * testFraction);
        if (!images && (test < 1 || test > samples - 1)) {
            throw read.error(
                    "/dataset/testFraction",
                    "testFraction " + testFraction + " of " + samples + " samples leaves an empty "
                            + (test < 1 ? "test" : "training") + " set");
        }
        String folder = dataset.has("folder") ? read.string(dataset.get("folder"), "/dataset/folder") : null;
        if (name.equals("mnist") && folder == null) {
            throw read.error(
                    "/dataset",
                    "mnist is not bundled: give dataset.folder, a folder holding the four MNIST"
                            + " IDX files, or use fashion-mnist");
        }

        JsonNode model =
                mapping(root, "model", MODEL_FIELDS, "{layers: [2, 16, 16, 2], activation: relu, dropout: 0.0}");
        int[] layers = layers(required(model, "/model", "layers"), name, shape);
        String activation = model.has("activation")
                ? read.string(model.get("activation"), "/model/activation").toLowerCase(Locale.ROOT)
                : "relu";
        if (!ACTIVATIONS.contains(activation)) {
            throw read.error(
                    "/model/activation",
                    "unknown activation '" + activation + "' (activations: " + String.join(", ", ACTIVATIONS) + ")");
        }
        double dropout = model.has("dropout") ? read.number(model.get("dropout"), "/model/dropout") : 0.0;
        if (!(dropout >= 0 && dropout < 1)) {
            throw read.error("/model/dropout", "dropout must be in [0, 1), found " + dropout);
        }
        if (dropout > 0 && layers.length < 3) {
            throw read.error(
                    "/model/dropout", "dropout acts after hidden layers, but layers " + text(layers) + " has none");
        }

        long seed = root.has("seed") ? seed(root.get("seed")) : 0;
        int batchSize = root.has("batchSize") ? read.integer(root.get("batchSize"), "/batchSize", 1) : 32;
        int train = images ? (folder == null ? BUNDLED_TRAIN : Limits.FOLDER_TRAIN) : samples - test;
        int testExamples = images ? (folder == null ? BUNDLED_TEST : Limits.FOLDER_TEST) : test;
        Budget.checkModel(
                read,
                layers,
                train,
                testExamples,
                batchSize,
                common.epochs(),
                common.strategies().size(),
                root.has("epochs"));
        return new ModelScenario(
                common, name, samples, noise, testFraction, folder, layers, activation, dropout, seed, batchSize);
    }

    private int[] layers(JsonNode node, String dataset, int[] shape) throws ScenarioException {
        if (!node.isArray() || node.size() < 2) {
            throw read.error(
                    "/model/layers", "layers must be a list of at least two sizes, input first, e.g. [2, 16, 16, 2]");
        }
        int[] layers = new int[node.size()];
        long parameters = 0;
        for (int i = 0; i < layers.length; i++) {
            layers[i] = read.integer(node.get(i), "/model/layers/" + i, 1);
            if (layers[i] > MAX_LAYER) {
                throw read.error("/model/layers/" + i, "a layer may have at most 4,096 units, found " + layers[i]);
            }
            if (i > 0) {
                parameters += (long) layers[i - 1] * layers[i] + layers[i];
            }
        }
        if (layers[0] != shape[0]) {
            throw read.error(
                    "/model/layers/0",
                    "the first layer size must be the data set's features: " + dataset + " has " + shape[0]
                            + " per example, but layers " + text(layers) + " starts with " + layers[0]);
        }
        int last = layers.length - 1;
        if (layers[last] != shape[1]) {
            throw read.error(
                    "/model/layers/" + last,
                    "the last layer size must be the data set's classes: " + dataset + " has " + shape[1]
                            + ", but layers " + text(layers) + " ends with " + layers[last]);
        }
        if (parameters > MAX_PARAMETERS) {
            throw read.error(
                    "/model/layers",
                    "the model " + text(layers) + " has " + parameters
                            + " weights and biases, at most 1,000,000 are allowed");
        }
        return layers;
    }

    private long seed(JsonNode node) throws ScenarioException {
        double v = read.number(node, "/seed");
        if (v != Math.rint(v) || Math.abs(v) > (1L << 53)) {
            throw read.error("/seed", "seed must be a whole number, found " + node.asText());
        }
        return (long) v;
    }

    private JsonNode mapping(JsonNode root, String field, List<String> allowed, String example)
            throws ScenarioException {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            // no line: pointing at line 1 for a field that is not there would mislead
            throw new ScenarioException(
                    tree.fileName,
                    node == null ? null : tree.line("/" + field),
                    field,
                    null,
                    "the field '" + field + "' is required for kind: model, e.g. " + field + ": " + example);
        }
        if (!node.isObject()) {
            throw read.error(
                    "/" + field,
                    field + " must be a mapping, e.g. " + example + ", found " + NodeReader.describe(node));
        }
        for (var it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                String hint = Suggest.closest(f, allowed)
                        .map(s -> "did you mean '" + s + "'? ")
                        .orElse("");
                throw read.error(
                        "/" + field + "/" + f,
                        "unknown field '" + f + "' in " + field + " (" + hint + "fields: " + String.join(", ", allowed)
                                + ")");
            }
        }
        return node;
    }

    private JsonNode required(JsonNode parent, String pointer, String field) throws ScenarioException {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            throw read.error(pointer, "the field '" + field + "' is required in " + pointer.substring(1));
        }
        return node;
    }

    private static String text(int[] layers) {
        List<String> parts = new ArrayList<>();
        for (int l : layers) {
            parts.add(Integer.toString(l));
        }
        return "[" + String.join(", ", parts) + "]";
    }
}
