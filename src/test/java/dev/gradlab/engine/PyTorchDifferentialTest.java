package dev.gradlab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradlab.engine.nn.Mlp;
import dev.gradlab.engine.nn.Sequential;
import dev.gradlab.engine.optim.Adam;
import dev.gradlab.engine.optim.Optimizer;
import dev.gradlab.engine.optim.Sgd;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same computations in this engine and in real PyTorch (float64, one thread), compared value by value and
 * gradient by gradient — micrograd's test approach. All cases run in one Python process; the test is skipped when
 * python3 or torch is not installed.
 */
class PyTorchDifferentialTest {

    private static final double TOLERANCE = 1e-10;
    private static final String PYTHON =
            Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";

    /** A computation on both sides: Java results by key, and Python code that emits the same keys. */
    record Case(String name, Map<String, double[]> java, String python) {}

    private static final List<Case> CASES = new ArrayList<>();
    private static Map<String, double[]> torch = Map.of();

    @BeforeAll
    static void runPyTorch(@TempDir Path dir) throws Exception {
        buildCases();
        StringBuilder script = new StringBuilder("""
                import sys
                try:
                    import torch
                    import torch.nn.functional as F
                except Exception:
                    print("NO_TORCH")
                    sys.exit(3)
                torch.set_num_threads(1)
                def T(v, shape, rg=True):
                    return torch.tensor(v, dtype=torch.float64).reshape(shape).requires_grad_(rg)
                def emit(key, t):
                    vals = t.detach().reshape(-1).tolist() if torch.is_tensor(t) else [t]
                    print(key, " ".join(repr(float(x)) for x in vals))
                """);
        for (Case c : CASES) {
            script.append("def case_").append(c.name()).append("():\n");
            c.python()
                    .lines()
                    .forEach(line -> script.append("    ").append(line).append('\n'));
            script.append("case_").append(c.name()).append("()\n");
        }
        Path file = dir.resolve("differential.py");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        Process process;
        try {
            // output to a file, not a pipe: a full pipe would block the script while we wait for it
            process = new ProcessBuilder(PYTHON, file.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("out.txt").toFile())
                    .start();
        } catch (IOException e) {
            Assumptions.abort("python3 is not available: " + e.getMessage());
            return;
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("PyTorch script did not finish within 60 s");
        }
        String output = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
        Assumptions.assumeTrue(process.exitValue() != 3, "torch is not installed for " + PYTHON);
        assertThat(process.exitValue()).as("PyTorch script failed:\n%s", output).isZero();
        Map<String, double[]> parsed = new HashMap<>();
        for (String line : output.split("\n")) {
            String[] parts = line.trim().split(" ");
            if (parts.length >= 2) {
                parsed.put(
                        parts[0],
                        Arrays.stream(parts, 1, parts.length)
                                .mapToDouble(Double::parseDouble)
                                .toArray());
            }
        }
        torch = parsed;
    }

    // ---- building blocks ----

    private static String py(Tensor t) {
        return py(t, t.requiresGrad());
    }

    private static String py(Tensor t, boolean requiresGrad) {
        String values = Arrays.stream(t.toArray()).mapToObj(Double::toString).collect(Collectors.joining(", "));
        String shape = t.dim() == 0
                ? "()"
                : "(" + Arrays.stream(t.shape()).mapToObj(Integer::toString).collect(Collectors.joining(", ")) + ",)";
        return "T([" + values + "], " + shape + ", " + (requiresGrad ? "True" : "False") + ")";
    }

    /**
     * A scalar expression and its gradients: {@code inputs} are Python variable names bound to the Java tensors,
     * {@code expression} is the same computation in PyTorch syntax.
     */
    private static void gradientCase(
            String name, Map<String, Tensor> inputs, Function<Map<String, Tensor>, Tensor> java, String expression) {
        Map<String, double[]> results = new LinkedHashMap<>();
        Tensor out = java.apply(inputs);
        out.backward();
        results.put(name + ":value", out.toArray());
        StringBuilder python = new StringBuilder();
        inputs.forEach(
                (var, t) -> python.append(var).append(" = ").append(py(t)).append('\n'));
        python.append("out = ").append(expression).append("\nout.backward()\n");
        python.append("emit('").append(name).append(":value', out)\n");
        inputs.forEach((var, t) -> {
            if (t.requiresGrad()) {
                results.put(name + ":grad:" + var, t.grad().toArray());
                python.append("emit('")
                        .append(name)
                        .append(":grad:")
                        .append(var)
                        .append("', ")
                        .append(var)
                        .append(".grad)\n");
            }
        });
        CASES.add(new Case(name, results, python.toString()));
    }

    private static Tensor randn(Random rnd, boolean requiresGrad, int... shape) {
        return Tensor.randn(rnd, shape).requiresGrad_(requiresGrad);
    }

    private static Map<String, Tensor> vars(Object... nameThenTensor) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        for (int i = 0; i < nameThenTensor.length; i += 2) {
            m.put((String) nameThenTensor[i], (Tensor) nameThenTensor[i + 1]);
        }
        return m;
    }

    private static String ints(int[] v) {
        return Arrays.stream(v).mapToObj(Integer::toString).collect(Collectors.joining(", ", "[", "]"));
    }

    // ---- the cases ----

    private static void buildCases() {
        CASES.clear();
        Random rnd = new Random(2024);

        Tensor a = randn(rnd, true, 3, 1);
        Tensor b = randn(rnd, true, 4);
        Tensor c = randn(rnd, true);
        gradientCase(
                "broadcasting",
                vars("a", a, "b", b, "c", c),
                v -> v.get("a")
                        .add(v.get("b"))
                        .mul(v.get("c"))
                        .sub(v.get("b").div(v.get("a").abs().add(1.0)))
                        .pow(2)
                        .mean(),
                "((a + b) * c - b / (a.abs() + 1)).pow(2).mean()");

        Tensor s = randn(rnd, true, 3, 4);
        Tensor w1 = randn(rnd, false, 3, 4);
        Tensor w2 = randn(rnd, false, 3, 4);
        gradientCase(
                "softmax",
                vars("s", s, "w1", w1, "w2", w2),
                v -> v.get("s")
                        .softmax(1)
                        .mul(v.get("w1"))
                        .sum()
                        .add(v.get("s").logSoftmax(0).mul(v.get("w2")).sum()),
                "(s.softmax(1) * w1).sum() + (s.log_softmax(0) * w2).sum()");

        Tensor p = Tensor.uniform(rnd, 0.5, 2.5, 5).requiresGrad_(true);
        gradientCase(
                "elementwise",
                vars("p", p),
                v -> {
                    Tensor x = v.get("p");
                    return x.exp()
                            .log()
                            .add(x.sqrt())
                            .add(x.tanh())
                            .add(x.sigmoid())
                            .add(x.pow(3))
                            .add(x.rdiv(2))
                            .add(x.rsub(2))
                            .add(x.neg().relu())
                            .mul(x.pow(Tensor.vector(0.5, 1, 1.5, 2, 2.5)))
                            .sum()
                            .add(x.max())
                            .add(x.reshape(5, 1).max(1).mean());
                },
                "((p.exp().log() + p.sqrt() + p.tanh() + p.sigmoid() + p ** 3 + 2 / p + (2 - p) + torch.relu(-p))"
                        + " * p ** torch.tensor([0.5, 1, 1.5, 2, 2.5], dtype=torch.float64)).sum() + p.max()"
                        + " + p.reshape(5, 1).max(1).values.mean()");

        Tensor m1 = randn(rnd, true, 4, 3);
        Tensor m2 = randn(rnd, true, 3, 5);
        gradientCase(
                "matmul_shapes",
                vars("m1", m1, "m2", m2),
                v -> v.get("m1")
                        .matmul(v.get("m2"))
                        .t()
                        .reshape(-1, 2)
                        .row(3)
                        .sum()
                        .add(v.get("m1")
                                .matmul(v.get("m2"))
                                .mean(0)
                                .mul(v.get("m1").t().sum(1).sum())
                                .sum()),
                "(m1 @ m2).t().reshape(-1, 2)[3].sum() + ((m1 @ m2).mean(0) * m1.t().sum(1).sum()).sum()");

        mlpCase("mlp_relu_cross_entropy", new int[] {4, 6, 5, 3}, 7, "relu", "torch.relu", rnd);
        mlpCase("mlp_tanh_cross_entropy", new int[] {4, 6, 5, 3}, 7, "tanh", "torch.tanh", rnd);
        mlpCase("mlp_blocked_kernel", new int[] {40, 32, 24, 10}, 16, "relu", "torch.relu", rnd);

        Tensor pred = randn(rnd, true, 6, 2);
        Tensor target = randn(rnd, false, 6, 2);
        gradientCase(
                "mse",
                vars("pred", pred, "target", target),
                v -> F.mse(v.get("pred").sigmoid(), v.get("target")),
                "F.mse_loss(pred.sigmoid(), target)");

        optimizerCase(
                "sgd_momentum",
                params -> new Sgd(params, 0.1, 0.9, 0.1, 0.01, false),
                "torch.optim.SGD(params, lr=0.1, momentum=0.9, dampening=0.1, weight_decay=0.01)");
        optimizerCase(
                "sgd_nesterov",
                params -> new Sgd(params, 0.05, 0.8, 0, 0, true),
                "torch.optim.SGD(params, lr=0.05, momentum=0.8, nesterov=True)");
        optimizerCase(
                "adam",
                params -> new Adam(params, 0.01, 0.9, 0.999, 1e-8, 0.01),
                "torch.optim.Adam(params, lr=0.01, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.01)");
    }

    private static void mlpCase(
            String name, int[] layers, int batch, String activation, String torchActivation, Random rnd) {
        Sequential net = Mlp.of(layers, activation, 0, new Random(rnd.nextLong()));
        Tensor x = randn(rnd, false, batch, layers[0]);
        int[] labels = new int[batch];
        for (int i = 0; i < batch; i++) {
            labels[i] = rnd.nextInt(layers[layers.length - 1]);
        }
        Map<String, Tensor> params = net.namedParameters();
        gradientCase(
                name,
                vars(
                        "x",
                        x,
                        "W0",
                        params.get("0.weight"),
                        "b0",
                        params.get("0.bias"),
                        "W2",
                        params.get("2.weight"),
                        "b2",
                        params.get("2.bias"),
                        "W4",
                        params.get("4.weight"),
                        "b4",
                        params.get("4.bias")),
                v -> F.crossEntropy(net.forward(v.get("x")), labels),
                "F.cross_entropy(F.linear(" + torchActivation + "(F.linear(" + torchActivation
                        + "(F.linear(x, W0, b0)), W2, b2)), W4, b4), torch.tensor(" + ints(labels) + "))");
    }

    /** Three steps of MLP + MSE training, a fourth on zeroed (not None) grads; the parameters after each step. */
    private static void optimizerCase(String name, Function<List<Tensor>, Optimizer> make, String torchOptimizer) {
        Random rnd = new Random(name.hashCode());
        Sequential net = Mlp.of(new int[] {3, 4, 2}, "tanh", 0, rnd);
        Tensor x = randn(rnd, false, 5, 3);
        Tensor y = randn(rnd, false, 5, 2);
        List<Tensor> params = net.parameters();
        StringBuilder python = new StringBuilder();
        for (int i = 0; i < params.size(); i++) {
            python.append("p").append(i).append(" = ").append(py(params.get(i))).append('\n');
        }
        python.append("params = [p0, p1, p2, p3]\n")
                .append("x = ")
                .append(py(x))
                .append("\ny = ")
                .append(py(y))
                .append('\n')
                .append("opt = ")
                .append(torchOptimizer)
                .append('\n');
        Optimizer opt = make.apply(params);
        Map<String, double[]> results = new LinkedHashMap<>();
        for (int step = 1; step <= 4; step++) {
            opt.zeroGrad(false);
            python.append("opt.zero_grad(set_to_none=False)\n");
            if (step < 4) {
                F.mse(net.forward(x), y).backward();
                python.append("F.mse_loss(F.linear(torch.tanh(F.linear(x, p0, p1)), p2, p3), y).backward()\n");
            }
            opt.step();
            python.append("opt.step()\n");
            for (int i = 0; i < params.size(); i++) {
                String key = name + ":step" + step + ":p" + i;
                results.put(key, params.get(i).toArray());
                python.append("emit('").append(key).append("', p").append(i).append(")\n");
            }
        }
        CASES.add(new Case(name, results, python.toString()));
    }

    @Test
    void values_and_gradients_match_pytorch_to_1e_minus_10() {
        int compared = 0;
        for (Case c : CASES) {
            for (Map.Entry<String, double[]> e : c.java().entrySet()) {
                double[] expected = torch.get(e.getKey());
                assertThat(expected).as("PyTorch printed no %s", e.getKey()).isNotNull();
                double[] actual = e.getValue();
                assertThat(actual).as(e.getKey()).hasSameSizeAs(expected);
                for (int i = 0; i < actual.length; i++) {
                    double scale = Math.max(1, Math.abs(expected[i]));
                    assertThat(Math.abs(actual[i] - expected[i]) / scale)
                            .as("%s[%d]: engine %s, PyTorch %s", e.getKey(), i, actual[i], expected[i])
                            .isLessThanOrEqualTo(TOLERANCE);
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(200);
    }
}
