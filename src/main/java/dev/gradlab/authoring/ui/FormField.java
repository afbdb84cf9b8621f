package dev.gradlab.authoring.ui;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One field of the editor's form and where it lives in a scenario file: its path ({@code optimizer.type}), the kinds
 * that have it, and how its text maps to YAML: a scalar read as YAML ({@code 0.1} is a number), a plain string, a flow
 * value on one line ({@code [2, 16, 2]}), or a small block of lines ({@code theta: 10}).
 */
enum FormField {
    ID("id", Shape.SCALAR, Kinds.ALL),
    TITLE_EN("title.en", Shape.STRING, Kinds.ALL),
    TITLE_ZH("title.zh-TW", Shape.STRING, Kinds.ALL),
    DESCRIPTION_EN("description.en", Shape.TEXT, Kinds.ALL),
    DESCRIPTION_ZH("description.zh-TW", Shape.TEXT, Kinds.ALL),
    KIND("kind", Shape.SCALAR, Kinds.ALL),
    LEARNING_RATE("learningRate", Shape.SCALAR, Kinds.ALL),
    OPTIMIZER("optimizer.type", Shape.SCALAR, Kinds.ALL),
    MOMENTUM("optimizer.momentum", Shape.SCALAR, Kinds.ALL),
    STRATEGIES("strategies", Shape.FLOW, Kinds.ALL),
    EPOCHS("epochs", Shape.SCALAR, Kinds.ALL),
    PARAMS("params", Shape.BLOCK, Kinds.STEPPED),
    GRADIENTS("gradients", Shape.BLOCK, Kinds.MANUAL),
    LOSS("loss", Shape.STRING, Kinds.EXPRESSION),
    DATA("data", Shape.BLOCK, Kinds.EXPRESSION),
    BATCH_SIZE("batchSize", Shape.SCALAR, Kinds.EXPRESSION_OR_MODEL),
    STEPS("steps", Shape.SCALAR, Kinds.EXPRESSION),
    DATASET("dataset.name", Shape.SCALAR, Kinds.MODEL),
    SAMPLES("dataset.samples", Shape.SCALAR, Kinds.MODEL),
    NOISE("dataset.noise", Shape.SCALAR, Kinds.MODEL),
    TEST_FRACTION("dataset.testFraction", Shape.SCALAR, Kinds.MODEL),
    LAYERS("model.layers", Shape.FLOW, Kinds.MODEL),
    ACTIVATION("model.activation", Shape.SCALAR, Kinds.MODEL),
    DROPOUT("model.dropout", Shape.SCALAR, Kinds.MODEL),
    SEED("seed", Shape.SCALAR, Kinds.MODEL);

    /** How the field's text becomes YAML. */
    enum Shape {
        /** read as a YAML scalar: {@code 10} is a number, {@code sgd} a string */
        SCALAR,
        /** always a string, trimmed */
        STRING,
        /** always a string, as typed (Markdown) */
        TEXT,
        /** one YAML flow value: {@code [zeroed, summed]} */
        FLOW,
        /** a few YAML lines: a mapping ({@code theta: 10}) or a list ({@code - {theta: 2}}) */
        BLOCK
    }

    private static final class Kinds {
        static final Set<String> ALL = Set.of("manual", "expression", "model");
        static final Set<String> STEPPED = Set.of("manual", "expression");
        static final Set<String> MANUAL = Set.of("manual");
        static final Set<String> EXPRESSION = Set.of("expression");
        static final Set<String> MODEL = Set.of("model");
        static final Set<String> EXPRESSION_OR_MODEL = Set.of("expression", "model");
    }

    /** The top-level keys in the order the editor writes them; other keys follow in their own order. */
    static final List<String> TOP_ORDER = List.of(
            "id",
            "title",
            "description",
            "kind",
            "learningRate",
            "optimizer",
            "strategies",
            "epochs",
            "params",
            "gradients",
            "data",
            "batchSize",
            "steps",
            "loss",
            "dataset",
            "model",
            "seed");

    private final String path;
    private final Shape shape;
    private final Set<String> kinds;

    FormField(String path, Shape shape, Set<String> kinds) {
        this.path = path;
        this.shape = shape;
        this.kinds = kinds;
    }

    String path() {
        return path;
    }

    Shape shape() {
        return shape;
    }

    /** Whether a scenario of {@code kind} has this field (an unknown kind shows every field). */
    boolean inKind(String kind) {
        return !Kinds.ALL.contains(kind) || kinds.contains(kind);
    }

    /** The form fields a parser message's field ({@code params.theta}, {@code gradients[2]}, {@code model}) names. */
    static Set<FormField> named(String parserField) {
        Set<FormField> out = EnumSet.noneOf(FormField.class);
        String f = parserField.strip();
        for (FormField field : values()) {
            if (f.equals(field.path) || f.startsWith(field.path + ".") || f.startsWith(field.path + "[")) {
                out.add(field);
            }
        }
        if (out.isEmpty()) {
            String top = f.split("[.\\[]", 2)[0];
            for (FormField field : values()) {
                if (field.path.split("\\.", 2)[0].equals(top)) {
                    out.add(field);
                }
            }
            // "title" or "description" as a whole: the English field stands for both languages
            if (top.equals("title")) {
                out.retainAll(Set.of(TITLE_EN));
            } else if (top.equals("description")) {
                out.retainAll(Set.of(DESCRIPTION_EN));
            } else if (top.equals("optimizer")) {
                out.retainAll(Set.of(OPTIMIZER));
            } else if (top.equals("dataset")) {
                out.retainAll(Set.of(DATASET));
            } else if (top.equals("model")) {
                out.retainAll(Set.of(LAYERS));
            }
        }
        return out;
    }
}
