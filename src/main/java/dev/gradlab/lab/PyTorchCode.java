package dev.gradlab.lab;

import dev.gradlab.scenario.GradientStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The PyTorch training loop equivalent to a scenario run with one gradient strategy, as lines tagged with the phase
 * they belong to, so the Lab can highlight the line a step is at. The code is meant to be copied and run as is: it
 * prints the final parameters as JSON, which is how the tests compare it with the {@code Runner}.
 */
public final class PyTorchCode {

    /** What a line of the loop does; {@link #OTHER} for set-up, loop headers and comments. */
    public enum Phase {
        ZERO_GRAD,
        FORWARD,
        BACKWARD,
        STEP,
        OTHER
    }

    public record Line(String text, Phase phase) {}

    /** A named tensor: flattened row-major values and their shape ([] scalar, [n], [r, c]). */
    public record Named(String name, double[] values, int[] shape) {}

    /** The optimizer: {@code type} is {@code sgd} or {@code adam}. */
    public record Optim(String type, double momentum, double weightDecay, double beta1, double beta2, double eps) {
        public static Optim sgd() {
            return new Optim("sgd", 0, 0, 0.9, 0.999, 1e-8);
        }

        boolean plainSgd() {
            return type.equals("sgd") && momentum == 0 && weightDecay == 0;
        }
    }

    /**
     * The parts of a scenario the loop needs. {@code manual}: {@code gradients} holds each batch's given gradient per
     * parameter; otherwise {@code loss} is the expression, evaluated over {@code data} in batches of
     * {@code batchSize} rows for {@code epochs} epochs, or {@code steps} times when there is no data.
     */
    public record Spec(
            boolean manual,
            double learningRate,
            Optim optimizer,
            List<Named> params,
            @Nullable String loss,
            List<Named> data,
            int batchSize,
            int epochs,
            int steps,
            List<Map<String, Named>> gradients) {}

    private PyTorchCode() {}

    /** The phases a batch runs through under {@code strategy}, in order; {@code stepped} says whether it stepped. */
    public static List<Phase> phasesOf(GradientStrategy strategy, boolean stepped) {
        List<Phase> noZeroing = List.of(Phase.FORWARD, Phase.BACKWARD, Phase.STEP);
        return strategy.match(
                () -> List.of(Phase.ZERO_GRAD, Phase.FORWARD, Phase.BACKWARD, Phase.STEP),
                () -> noZeroing,
                () -> noZeroing,
                k -> stepped
                        ? List.of(Phase.FORWARD, Phase.BACKWARD, Phase.STEP, Phase.ZERO_GRAD)
                        : List.of(Phase.FORWARD, Phase.BACKWARD));
    }

    /** The loop for {@code strategy} with English comments. */
    public static List<Line> of(Spec spec, GradientStrategy strategy) {
        return of(spec, strategy, Locale.ENGLISH);
    }

    /**
     * The loop for {@code strategy} ({@code zeroed}, {@code summed}, {@code averaged}, {@code accumulate-K}), its
     * comments in {@code locale}'s language ({@link CodeTexts}); every line's code is the same in every language.
     */
    public static List<Line> of(Spec spec, GradientStrategy strategy, Locale locale) {
        var t = new CodeTexts(locale);
        var out = new Lines();
        out.other("import json");
        out.other("import torch");
        out.other("import torch.nn.functional as F");
        out.other("");
        out.other("torch.set_default_dtype(torch.float64)");
        out.other("# " + t.get("noneGrad"));
        out.other("");
        List<String> names = new ArrayList<>();
        for (Named p : spec.params()) {
            out.other(p.name() + " = torch.tensor(" + literal(p) + ", requires_grad=True)");
            names.add(p.name());
        }
        out.other("params = [" + String.join(", ", names) + "]");
        out.other("lr = " + number(spec.learningRate()));
        out.other("optimizer = " + optimizer(spec.optimizer()));
        out.other("");
        String indent = batchesAndLoops(spec, out, t);
        String forward = spec.manual()
                ? "loss = sum((named[n] * g).sum() for n, g in batch.items())"
                : "loss = " + LossExpression.toPython(spec.loss() == null ? "0" : spec.loss());
        if (spec.manual()) {
            out.other(indent + "# " + t.get("standIn"));
        }
        Runnable body = strategy.match(
                () -> () -> {
                    out.add(indent + "optimizer.zero_grad()", Phase.ZERO_GRAD);
                    out.add(indent + forward, Phase.FORWARD);
                    out.add(indent + "loss.backward()", Phase.BACKWARD);
                    out.add(indent + "optimizer.step()", Phase.STEP);
                },
                () -> () -> {
                    out.other(indent + "# " + t.get("noZeroGrad"));
                    out.add(indent + forward, Phase.FORWARD);
                    out.add(indent + "loss.backward()", Phase.BACKWARD);
                    out.add(indent + "optimizer.step()", Phase.STEP);
                },
                () -> () -> averaged(spec, out, indent, forward, t),
                k -> () -> {
                    out.add(indent + forward, Phase.FORWARD);
                    out.add(indent + "(loss / " + k + ").backward()", Phase.BACKWARD);
                    out.add(indent + "if i % " + k + " == 0 or i == len(batches):", Phase.STEP);
                    out.add(indent + "    optimizer.step()", Phase.STEP);
                    out.add(indent + "    optimizer.zero_grad()", Phase.ZERO_GRAD);
                });
        body.run();
        out.other("");
        out.other("print(json.dumps({n: p.detach().flatten().tolist() for n, p in named.items()}))");
        return List.copyOf(out.lines);
    }

    /** A scenario's loss expression (as written in its file) as a PyTorch expression over the same names. */
    public static String lossToPython(String loss) {
        return LossExpression.toPython(loss);
    }

    /** The whole loop as one string, for copying. */
    public static String text(List<Line> lines) {
        var sb = new StringBuilder();
        lines.forEach(l -> sb.append(l.text()).append('\n'));
        return sb.toString();
    }

    private static void averaged(Spec spec, Lines out, String indent, String forward, CodeTexts t) {
        out.add(indent + forward, Phase.FORWARD);
        out.add(indent + "loss.backward()", Phase.BACKWARD);
        out.other(indent + "t += 1  # " + t.get("batchesSummed"));
        if (spec.optimizer().plainSgd()) {
            out.add(indent + "with torch.no_grad():  # " + t.get("notRecorded"), Phase.STEP);
            out.add(indent + "    for p in params:", Phase.STEP);
            out.add(indent + "        if p.grad is not None:", Phase.STEP);
            out.add(indent + "            p -= lr * p.grad / t", Phase.STEP);
        } else {
            // any other optimizer gets the average handed in as .grad, then the running sum is put back
            out.add(indent + "sums = [p.grad for p in params]", Phase.STEP);
            out.add(indent + "for p in params:", Phase.STEP);
            out.add(indent + "    if p.grad is not None:", Phase.STEP);
            out.add(indent + "        p.grad = p.grad / t", Phase.STEP);
            out.add(indent + "optimizer.step()", Phase.STEP);
            out.add(indent + "for p, s in zip(params, sums):", Phase.STEP);
            out.add(indent + "    p.grad = s", Phase.STEP);
        }
    }

    /** Writes the batches and the loop headers; returns the indent of the loop body. */
    private static String batchesAndLoops(Spec spec, Lines out, CodeTexts t) {
        List<String> names = spec.params().stream().map(Named::name).toList();
        out.other("named = {"
                + String.join(
                        ", ", names.stream().map(n -> "\"" + n + "\": " + n).toList()) + "}");
        if (spec.manual()) {
            out.other("# " + t.get("givenGrads"));
            out.other("batches = [");
            for (Map<String, Named> g : spec.gradients()) {
                var entries = g.values().stream()
                        .map(n -> "\"" + n.name() + "\": torch.tensor(" + literal(n) + ")")
                        .toList();
                out.other("    {" + String.join(", ", entries) + "},");
            }
            out.other("]");
        } else if (spec.data().isEmpty()) {
            out.other("batches = [{}] * " + spec.steps() + "  # " + t.get("sameLoss"));
        } else {
            var cols = spec.data().stream()
                    .map(c -> "\"" + c.name() + "\": torch.tensor(" + literal(c) + ")")
                    .toList();
            out.other("data = {" + String.join(", ", cols) + "}");
            out.other("batch_size = " + spec.batchSize());
            out.other("rows = " + spec.data().get(0).shape()[0]);
            out.other("batches = [{k: v[i:i + batch_size] for k, v in data.items()}");
            out.other("           for i in range(0, rows, batch_size)]");
        }
        out.other("t = 0");
        out.other("");
        String indent = "    ";
        if (Math.max(1, spec.epochs()) > 1) {
            out.other("for epoch in range(" + spec.epochs() + "):");
            indent = "        ";
        }
        out.other(indent.substring(4) + "for i, batch in enumerate(batches, 1):");
        for (Named c : spec.data()) {
            out.other(indent + c.name() + " = batch[\"" + c.name() + "\"]");
        }
        return indent;
    }

    private static String optimizer(Optim o) {
        if (o.type().equals("adam")) {
            return "torch.optim.Adam(params, lr=lr, betas=(" + number(o.beta1()) + ", " + number(o.beta2()) + "), eps="
                    + number(o.eps()) + ", weight_decay=" + number(o.weightDecay()) + ")";
        }
        if (o.plainSgd()) {
            return "torch.optim.SGD(params, lr=lr)";
        }
        return "torch.optim.SGD(params, lr=lr, momentum=" + number(o.momentum()) + ", weight_decay="
                + number(o.weightDecay()) + ")";
    }

    /** A Python literal of nested lists for a flattened row-major tensor. */
    public static String literal(Named t) {
        double[] v = t.values();
        int[] shape = t.shape();
        if (shape.length == 0) {
            return number(v[0]);
        }
        if (shape.length == 1) {
            return list(v, 0, v.length);
        }
        int cols = shape[1];
        var rows = new ArrayList<String>();
        for (int r = 0; r < shape[0]; r++) {
            rows.add(list(v, r * cols, cols));
        }
        return "[" + String.join(", ", rows) + "]";
    }

    private static String list(double[] v, int from, int n) {
        var parts = new ArrayList<String>();
        for (int i = from; i < from + n; i++) {
            parts.add(number(v[i]));
        }
        return "[" + String.join(", ", parts) + "]";
    }

    /** Shortest exact text of a double that Python reads back to the same value. */
    public static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return String.format(Locale.ROOT, "%.1f", d);
        }
        return Double.toString(d);
    }

    private static final class Lines {
        final List<Line> lines = new ArrayList<>();

        void add(String text, Phase phase) {
            lines.add(new Line(text, phase));
        }

        void other(String text) {
            add(text, Phase.OTHER);
        }
    }
}
