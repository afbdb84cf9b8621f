package dev.gradlab.lab;

import dev.gradlab.engine.GraphView;
import dev.gradlab.scenario.BuiltInScenarios;
import dev.gradlab.scenario.OptimizerSpec;
import dev.gradlab.scenario.Scenario;
import dev.gradlab.scenario.TensorData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * What the lesson and Lab views ask for: the scenarios, their runs, the graph of a step, the update formulas and the
 * equivalent PyTorch loop. Runs are deterministic, so each (scenario, strategies) result is computed once and cached.
 * Plain Java, like the rest of {@code lab} (the CLI uses the same classes without Spring); the web app registers one
 * shared instance as a bean in {@code dev.gradlab.GradlabBeans}.
 */
public class LabService {

    private final Runner runner = new Runner();
    private final Map<String, RunResult> runs = new ConcurrentHashMap<>();
    private final Map<String, GraphView> graphs = new ConcurrentHashMap<>();

    /** Every scenario, built-in first (in teaching order); saved scenarios will follow them. */
    public List<Scenario> scenarios() {
        return BuiltInScenarios.all();
    }

    public Optional<Scenario> scenario(String id) {
        return scenarios().stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The scenario's run over all its strategies. */
    public RunResult run(Scenario scenario) {
        return run(scenario, scenario.strategies());
    }

    /** The run over {@code strategies} (names, in this order); throws IllegalArgumentException for an unknown one. */
    public RunResult run(Scenario scenario, List<String> strategies) {
        String key = scenario.id() + "|" + String.join(",", strategies);
        return runs.computeIfAbsent(key,
                k -> runner.run(scenario, strategies.stream().map(GradientStrategy::parse).toList()));
    }

    /** The computation graph of {@code step} (1-based) under {@code strategy}, leaves with their .grad. */
    public GraphView graphAt(Scenario scenario, String strategy, int step) {
        String key = scenario.id() + "|" + strategy + "|" + step;
        GraphView graph = graphs.get(key);
        if (graph == null) {
            graph = runner.graphAt(scenario, GradientStrategy.parse(strategy), step);
            if (graphs.size() > 2_000) {
                graphs.clear(); // a crude bound: graphs are cheap to recompute
            }
            graphs.put(key, graph);
        }
        return graph;
    }

    /**
     * Each strategy's update formulas for a manual scenario with one scalar parameter under plain SGD (the
     * hand-worked example); empty when the formulas would not describe what the run did.
     */
    public Map<String, List<UpdateFormulas.Formula>> formulas(Scenario scenario, RunResult result) {
        OptimizerSpec o = scenario.optimizer();
        boolean plainSgd = o.type() == OptimizerSpec.Type.SGD && o.momentum() == 0 && o.weightDecay() == 0;
        if (scenario.kind() != Scenario.Kind.MANUAL || scenario.params().size() != 1 || !plainSgd) {
            return Map.of();
        }
        String name = scenario.params().keySet().iterator().next();
        TensorData initial = scenario.params().get(name);
        if (initial.numel() != 1) {
            return Map.of();
        }
        List<Double> batchGrads = new ArrayList<>();
        for (int e = 0; e < scenario.epochs(); e++) {
            for (Map<String, TensorData> g : scenario.gradients()) {
                TensorData d = g.get(name);
                batchGrads.add(d == null ? 0.0 : d.data()[0]);
            }
        }
        Map<String, List<UpdateFormulas.Formula>> out = new LinkedHashMap<>();
        for (StrategyRun run : result.runs()) {
            if (run.diverged() != null) {
                continue;
            }
            List<UpdateFormulas.StepValues> steps = run.steps().stream().map(s -> new UpdateFormulas.StepValues(
                    s.stepped(), first(s.applied() == null ? null : s.applied().get(name)), first(s.params().get(name))))
                    .toList();
            out.put(run.strategy().name(), UpdateFormulas.of(name, scenario.learningRate(), run.strategy().name(),
                    initial.data()[0], batchGrads, steps));
        }
        return out;
    }

    /** The batch gradients a manual scenario gives for its only parameter, in batch order (for the lesson text). */
    public List<Double> givenGradients(Scenario scenario) {
        String name = scenario.params().keySet().iterator().next();
        return scenario.gradients().stream().map(g -> g.get(name) == null ? 0.0 : g.get(name).data()[0]).toList();
    }

    /** The equivalent PyTorch loop for one of the scenario's strategies. */
    public List<PyTorchCode.Line> pytorch(Scenario scenario, String strategy) {
        return PyTorchCode.of(spec(scenario), strategy);
    }

    static PyTorchCode.Spec spec(Scenario s) {
        OptimizerSpec o = s.optimizer();
        var optim = new PyTorchCode.Optim(o.type() == OptimizerSpec.Type.ADAM ? "adam" : "sgd", o.momentum(),
                o.weightDecay(), o.beta1(), o.beta2(), o.eps());
        List<Map<String, PyTorchCode.Named>> gradients = s.gradients().stream().map(g -> {
            Map<String, PyTorchCode.Named> m = new LinkedHashMap<>();
            g.forEach((n, d) -> m.put(n, named(n, d)));
            return m;
        }).toList();
        return new PyTorchCode.Spec(s.kind() == Scenario.Kind.MANUAL, s.learningRate(), optim, named(s.params()),
                lossText(s), named(s.data()), s.batchSize(), s.epochs(), s.steps(), gradients);
    }

    /** The loss as the author wrote it, else the parsed expression printed back. */
    static @Nullable String lossText(Scenario s) {
        if (s.loss() == null) {
            return null;
        }
        return s.lossText() != null ? s.lossText() : s.loss().toString();
    }

    private static List<PyTorchCode.Named> named(Map<String, TensorData> tensors) {
        List<PyTorchCode.Named> out = new ArrayList<>();
        tensors.forEach((n, d) -> out.add(named(n, d)));
        return out;
    }

    private static PyTorchCode.Named named(String name, TensorData d) {
        return new PyTorchCode.Named(name, d.data(), d.shape());
    }

    private static @Nullable Double first(double @Nullable [] values) {
        return values == null || values.length == 0 ? null : values[0];
    }
}
