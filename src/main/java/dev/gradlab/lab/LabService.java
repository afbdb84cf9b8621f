package dev.gradlab.lab;

import dev.gradlab.engine.GraphView;
import dev.gradlab.scenario.BuiltInScenarios;
import dev.gradlab.scenario.GradientStrategy;
import dev.gradlab.scenario.ManualScenario;
import dev.gradlab.scenario.OptimizerSpec;
import dev.gradlab.scenario.RunLimits;
import dev.gradlab.scenario.Scenario;
import dev.gradlab.scenario.TensorData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
    private final java.util.concurrent.atomic.LongAdder stepRenders = new java.util.concurrent.atomic.LongAdder();
    private final double deadlineSeconds;

    /** With the default run deadline ({@link RunDeadline#DEFAULT_SECONDS}). */
    public LabService() {
        this(RunDeadline.DEFAULT_SECONDS);
    }

    /** Every run and graph this service computes stops with a {@link RunDeadlineException} after this long. */
    public LabService(double deadlineSeconds) {
        if (!(deadlineSeconds > 0)) {
            throw new IllegalArgumentException(RunDeadline.PROPERTY + " must be > 0 seconds, got " + deadlineSeconds);
        }
        this.deadlineSeconds = deadlineSeconds;
    }

    /** The deadline of one run, in seconds. */
    public double deadlineSeconds() {
        return deadlineSeconds;
    }

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

    /**
     * The run over {@code strategies}, in this order; throws IllegalArgumentException for a model scenario and a
     * {@link RunDeadlineException} (nothing cached) when it takes longer than the deadline.
     */
    public RunResult run(Scenario scenario, List<GradientStrategy> strategies) {
        String key = content(scenario) + "|"
                + String.join(
                        ",", strategies.stream().map(GradientStrategy::name).toList());
        RunResult cached = runs.get(key);
        if (cached != null) {
            return cached;
        }
        RunResult result = runner.run(scenario, strategies, RunDeadline.after(deadlineSeconds));
        if (runs.size() > 500) {
            runs.clear(); // saved scenarios come and go: a crude bound, runs are deterministic and recomputable
        }
        runs.put(key, result);
        return result;
    }

    /** A run of an unsaved text (the editor's preview), never cached: each keystroke makes another scenario. */
    public RunResult preview(Scenario scenario) {
        return runner.run(scenario, scenario.strategies(), RunDeadline.after(deadlineSeconds));
    }

    /**
     * What a cached result is keyed on: saved scenarios of different users may share an id, and a saved one may
     * change, so the key is the id and a digest of the text the scenario was parsed from.
     */
    private static String content(Scenario scenario) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(scenario.source().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            // the Lab's settings make copies with the same text: what they change is part of the key
            return scenario.id() + "|" + java.util.HexFormat.of().formatHex(digest) + "|" + LabSettings.of(scenario)
                    + "|" + scenario.strategies();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * Null when {@code settings} may be applied to {@code base}, else why not, within the same limits a scenario
     * file has (docs/scenarios.md "Every limit"). {@code changed} is the field the student just edited (null for a
     * link): a batch size that leaves too many epochs is that field's problem when it was the batch size that changed.
     */
    public LabSettings.@Nullable Problem check(
            Scenario base, LabSettings settings, LabSettings.@Nullable Field changed) {
        return SettingsCheck.check(base, settings, changed);
    }

    /** The most epochs {@code settings} allow on {@code base} with their batch size, and the limit that sets it. */
    public RunLimits.EpochBound epochBound(Scenario base, LabSettings settings) {
        return RunLimits.maxEpochs(SettingsCheck.withoutEpochs(base, settings));
    }

    /** {@code base} with {@code settings}; throws IllegalArgumentException when {@link #check} finds a problem. */
    public Scenario apply(Scenario base, LabSettings settings) {
        LabSettings.Problem problem = check(base, settings, null);
        if (problem != null) {
            throw new IllegalArgumentException("settings beyond the limits: " + problem);
        }
        return settings.equals(LabSettings.of(base)) ? base : settings.applyTo(base);
    }

    /** The computation graph of {@code step} (1-based) under {@code strategy}, leaves with their .grad. */
    public GraphView graphAt(Scenario scenario, GradientStrategy strategy, int step) {
        String key = content(scenario) + "|" + strategy.name() + "|" + step;
        GraphView graph = graphs.get(key);
        if (graph == null) {
            graph = runner.graphAt(scenario, strategy, step, RunDeadline.after(deadlineSeconds));
            if (graphs.size() > 2_000) {
                graphs.clear(); // a crude bound: graphs are cheap to recompute
            }
            graphs.put(key, graph);
        }
        return graph;
    }

    /** The built-in manual scenario {@code id} (the lessons' hand-worked example); throws if there is none. */
    public ManualScenario manual(String id) {
        Scenario s =
                scenario(id).orElseThrow(() -> new IllegalStateException("built-in scenario " + id + " is missing"));
        return s.match(m -> m, e -> notManual(id), m -> notManual(id));
    }

    private static ManualScenario notManual(String id) {
        throw new IllegalStateException("built-in scenario " + id + " is not kind: manual");
    }

    /**
     * Each strategy's update formulas for a manual scenario with one scalar parameter under plain SGD (the
     * hand-worked example); empty when the formulas would not describe what the run did.
     */
    public Map<GradientStrategy, List<UpdateFormulas.Formula>> formulas(Scenario scenario, RunResult result) {
        return scenario.match(m -> formulas(m, result), e -> Map.of(), m -> Map.of());
    }

    private Map<GradientStrategy, List<UpdateFormulas.Formula>> formulas(ManualScenario scenario, RunResult result) {
        OptimizerSpec o = scenario.optimizer();
        boolean plainSgd = o.type() == OptimizerSpec.Type.SGD && o.momentum() == 0 && o.weightDecay() == 0;
        if (scenario.params().size() != 1 || !plainSgd) {
            return Map.of();
        }
        Map.Entry<String, TensorData> only =
                scenario.params().entrySet().iterator().next();
        String name = only.getKey();
        TensorData initial = only.getValue();
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
        Map<GradientStrategy, List<UpdateFormulas.Formula>> out = new LinkedHashMap<>();
        for (StrategyRun run : result.runs()) {
            if (run.diverged() != null) {
                continue;
            }
            List<UpdateFormulas.StepValues> steps = run.steps().stream()
                    .map(s -> new UpdateFormulas.StepValues(
                            s.stepped(),
                            first(s.applied() == null ? null : s.applied().get(name)),
                            Objects.requireNonNull(
                                    first(s.params().get(name)),
                                    () -> "step " + s.step() + " has no value for " + name)))
                    .toList();
            out.put(
                    run.strategy(),
                    UpdateFormulas.of(
                            name, scenario.learningRate(), run.strategy(), initial.data()[0], batchGrads, steps));
        }
        return out;
    }

    /** The batch gradients a manual scenario gives for its only parameter, in batch order (for the lesson text). */
    public List<Double> givenGradients(ManualScenario scenario) {
        String name = scenario.params().keySet().iterator().next();
        return scenario.gradients().stream()
                .map(g -> g.get(name) == null ? 0.0 : g.get(name).data()[0])
                .toList();
    }

    /** The equivalent PyTorch loop for one of the scenario's strategies; model scenarios have none here. */
    public List<PyTorchCode.Line> pytorch(Scenario scenario, GradientStrategy strategy) {
        return PyTorchCode.of(spec(scenario), strategy);
    }

    /** The same loop with its comments in {@code locale}'s language (English or Traditional Chinese). */
    public List<PyTorchCode.Line> pytorch(Scenario scenario, GradientStrategy strategy, Locale locale) {
        return PyTorchCode.of(spec(scenario), strategy, locale);
    }

    static PyTorchCode.Spec spec(Scenario s) {
        OptimizerSpec o = s.optimizer();
        var optim = new PyTorchCode.Optim(
                o.type() == OptimizerSpec.Type.ADAM ? "adam" : "sgd",
                o.momentum(),
                o.weightDecay(),
                o.beta1(),
                o.beta2(),
                o.eps());
        return s.match(
                m -> {
                    List<Map<String, PyTorchCode.Named>> gradients = m.gradients().stream()
                            .map(g -> {
                                Map<String, PyTorchCode.Named> named = new LinkedHashMap<>();
                                g.forEach((n, d) -> named.put(n, named(n, d)));
                                return named;
                            })
                            .toList();
                    return new PyTorchCode.Spec(
                            true,
                            s.learningRate(),
                            optim,
                            named(m.params()),
                            null,
                            List.of(),
                            0,
                            s.epochs(),
                            0,
                            gradients);
                },
                e -> new PyTorchCode.Spec(
                        false,
                        s.learningRate(),
                        optim,
                        named(e.params()),
                        e.lossText(),
                        named(e.data()),
                        e.batchSize(),
                        s.epochs(),
                        e.steps(),
                        List.of()),
                m -> {
                    throw new IllegalArgumentException(
                            s.fileName() + " is a model scenario: its loop is not a scenario loop");
                });
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

    /** Counts one step shown in a Lab (tables, code and graph redrawn), for the operator's metrics. */
    public void stepRendered() {
        stepRenders.increment();
    }

    /** Steps shown in any Lab since the start. */
    public long stepRenders() {
        return stepRenders.sum();
    }
}
