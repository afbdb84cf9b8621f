package dev.gradlab.lab;

import dev.gradlab.engine.GraphView;
import dev.gradlab.engine.Tensor;
import dev.gradlab.scenario.GradientStrategy;
import dev.gradlab.scenario.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Runs a scenario's strategies, each independently from the same initial parameters over the same batches, through
 * the one training loop below: the strategies differ only in the answers a {@link GradientStrategy} gives, applied by
 * the {@link StrategyStepper} that the model trainer uses too.
 */
public final class Runner {

    public RunResult run(Scenario s) {
        return run(s, s.strategies());
    }

    /** Throws IllegalArgumentException for a model scenario, which {@code lab.train.ModelTrainer} trains. */
    public RunResult run(Scenario s, List<GradientStrategy> strategies) {
        return run(s, strategies, RunDeadline.none());
    }

    /** As {@link #run(Scenario)}, stopping with a {@link RunDeadlineException} once {@code deadline} has passed. */
    public RunResult run(Scenario s, RunDeadline deadline) {
        return run(s, s.strategies(), deadline);
    }

    /**
     * As {@link #run(Scenario, List)}; the deadline is checked before every step, so a run past it (or cancelled)
     * stops within one step with a {@link RunDeadlineException}.
     */
    public RunResult run(Scenario s, List<GradientStrategy> strategies, RunDeadline deadline) {
        Batches batches = Batches.of(s);
        List<StrategyRun> runs = new ArrayList<>();
        for (GradientStrategy strategy : strategies) {
            runs.add(new Loop(s, batches, strategy, deadline).run(-1));
        }
        return new RunResult(s, runs);
    }

    /**
     * The computation graph of step {@code step} (1-based): the forward of that batch's loss with the parameters as
     * they were before the step, with each leaf's {@code .grad} as right after that step's backward. A manual scenario
     * has no graph: its parameters appear as lone leaves.
     */
    public GraphView graphAt(Scenario s, GradientStrategy strategy, int step) {
        return graphAt(s, strategy, step, RunDeadline.none());
    }

    /** As {@link #graphAt(Scenario, GradientStrategy, int)}, within {@code deadline}. */
    public GraphView graphAt(Scenario s, GradientStrategy strategy, int step, RunDeadline deadline) {
        if (step < 1 || step > s.totalBatches()) {
            throw new IllegalArgumentException("step " + step + " is out of range 1.." + s.totalBatches());
        }
        Loop loop = new Loop(s, Batches.of(s), strategy, deadline);
        loop.run(step);
        GraphView graph = loop.captured;
        if (graph == null) {
            throw new IllegalStateException("no graph captured at step " + step);
        }
        return graph;
    }

    /** One strategy's run; with {@code captureAt} ≥ 1 it stops after that step's backward and keeps its graph. */
    private static final class Loop {

        private final Scenario scenario;
        private final Batches batches;
        private final GradientStrategy strategy;
        private final Map<String, Tensor> params = new LinkedHashMap<>();
        private final StrategyStepper stepper;
        private final RunDeadline deadline;
        private @Nullable GraphView captured;

        Loop(Scenario scenario, Batches batches, GradientStrategy strategy, RunDeadline deadline) {
            this.deadline = deadline;
            this.scenario = scenario;
            this.batches = batches;
            this.strategy = strategy;
            batches.params()
                    .forEach((name, p) -> params.put(
                            name, Batches.tensor(p).requiresGrad_(true).named(name)));
            stepper = new StrategyStepper(
                    strategy,
                    Optimizers.of(scenario.optimizer(), scenario.learningRate(), new ArrayList<>(params.values())),
                    params);
        }

        StrategyRun run(int captureAt) {
            List<StepRecord> steps = new ArrayList<>();
            Integer diverged = null;
            int step = 0;
            int n = batches.perEpoch();
            for (int epoch = 1; epoch <= scenario.epochs(); epoch++) {
                for (int batch = 1; batch <= n; batch++) {
                    deadline.check();
                    step++;
                    stepper.beforeBatch();
                    Batches.Backward backward =
                            batches.backward(batch - 1, params, stepper::forBackward, step == captureAt);
                    stepper.afterBackward();
                    Map<String, double @Nullable []> grad = snapshot(true);
                    if (step == captureAt) {
                        captured = graph(backward.output());
                        return new StrategyRun(strategy, steps, diverged);
                    }
                    Map<String, @Nullable Tensor> handed = stepper.afterBatch(batch, n);
                    Map<String, double @Nullable []> applied = null;
                    if (handed != null) {
                        applied = new LinkedHashMap<>();
                        for (var e : handed.entrySet()) {
                            applied.put(
                                    e.getKey(),
                                    e.getValue() == null ? null : e.getValue().toArray());
                        }
                    }
                    StepRecord record = new StepRecord(
                            step, epoch, batch, backward.loss(), grad, applied, handed != null, snapshot(false));
                    if (diverged == null && !Finite.all(record)) {
                        diverged = step;
                    }
                    // Keep computing after divergence (graphAt may ask for a later step), but show nulls.
                    steps.add(diverged == null ? record : Finite.nulled(record));
                }
            }
            return new StrategyRun(strategy, steps, diverged);
        }

        private Map<String, double @Nullable []> snapshot(boolean grads) {
            Map<String, double @Nullable []> values = new LinkedHashMap<>();
            params.forEach((name, p) -> {
                Tensor t = grads ? p.grad() : p;
                values.put(name, t == null ? null : t.toArray());
            });
            return values;
        }

        private GraphView graph(@Nullable Tensor output) {
            if (output != null) {
                return output.graph();
            }
            List<GraphView.Node> nodes = new ArrayList<>();
            int id = 0;
            for (var e : params.entrySet()) {
                Tensor p = e.getValue();
                Tensor g = p.grad();
                nodes.add(new GraphView.Node(
                        id++, e.getKey(), p.shape(), true, true, g == null ? null : g.toArray(), p.toArray()));
            }
            return new GraphView(nodes, List.of());
        }
    }
}
