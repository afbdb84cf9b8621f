package dev.gradlab.lab;

import dev.gradlab.scenario.GradientStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What the views read off a run besides the raw records: where strategies part ways, and how big .grad is. */
public final class RunFacts {

    /** Values closer than this count as equal: the strategies do the same arithmetic until they differ. */
    private static final double TOLERANCE = 1e-12;

    private RunFacts() {}

    /**
     * The first step at which two runs' parameters differ, or null when they agree everywhere (or there is a single
     * run). Parameters, not {@code .grad}: a buffer may differ while the step still lands on the same values.
     */
    public static @Nullable Integer firstDivergence(RunResult result) {
        List<StrategyRun> runs = result.runs();
        if (runs.size() < 2) {
            return null;
        }
        int steps = runs.stream().mapToInt(r -> r.steps().size()).min().orElse(0);
        for (int i = 0; i < steps; i++) {
            Map<String, double @Nullable []> first = runs.get(0).steps().get(i).params();
            for (int r = 1; r < runs.size(); r++) {
                if (!same(first, runs.get(r).steps().get(i).params())) {
                    return runs.get(0).steps().get(i).step();
                }
            }
        }
        return null;
    }

    /**
     * Where two strategies first part ways for real: the first step at which two runs that both stepped there hold
     * different parameters, and which pair (the first such pair in run order). A step where accumulate-K only
     * gathers gradients leaves its parameters behind by design; counting that as a difference would report "step 1"
     * for every run with accumulate-2, so such steps are skipped. Null when no such step exists.
     */
    public static @Nullable Difference firstDifference(RunResult result) {
        List<StrategyRun> runs = result.runs();
        int steps = runs.stream().mapToInt(r -> r.steps().size()).min().orElse(0);
        for (int i = 0; i < steps; i++) {
            for (int a = 0; a < runs.size(); a++) {
                StepRecord ra = runs.get(a).steps().get(i);
                for (int b = a + 1; b < runs.size(); b++) {
                    StepRecord rb = runs.get(b).steps().get(i);
                    if (ra.stepped() && rb.stepped() && !same(ra.params(), rb.params())) {
                        return new Difference(
                                ra.step(), runs.get(a).strategy(), runs.get(b).strategy());
                    }
                }
            }
        }
        return null;
    }

    /** Two strategies' parameters first differ after {@code step}, both having stepped there. */
    public record Difference(int step, GradientStrategy first, GradientStrategy second) {}

    /** The L2 norm of all {@code .grad} buffers together after this step's backward (None counts as empty). */
    public static double gradNorm(StepRecord record) {
        double sum = 0;
        for (double @Nullable [] g : record.grad().values()) {
            if (g != null) {
                for (double v : g) {
                    sum += v * v;
                }
            }
        }
        return Math.sqrt(sum);
    }

    /** One value per step: element {@code index} of parameter {@code name} after each step (NaN once diverged). */
    public static double[] paramTrajectory(StrategyRun run, String name, int index) {
        double[] out = new double[run.steps().size()];
        for (int i = 0; i < out.length; i++) {
            double @Nullable [] p = run.steps().get(i).params().get(name);
            out[i] = p == null || index >= p.length ? Double.NaN : p[index];
        }
        return out;
    }

    /** The loss of each step (NaN where there is none). */
    public static double[] losses(StrategyRun run) {
        return run.steps().stream()
                .mapToDouble(s -> s.loss() == null ? Double.NaN : s.loss())
                .toArray();
    }

    /** {@link #gradNorm} of each step. */
    public static double[] gradNorms(StrategyRun run) {
        return run.steps().stream().mapToDouble(RunFacts::gradNorm).toArray();
    }

    /** The run of {@code strategy}. */
    public static StrategyRun run(RunResult result, GradientStrategy strategy) {
        return result.runs().stream()
                .filter(r -> r.strategy().equals(strategy))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "no run for strategy '" + strategy.name() + "' in " + strategies(result)));
    }

    /** The strategies of the result's runs, in order. */
    public static List<GradientStrategy> strategies(RunResult result) {
        List<GradientStrategy> strategies = new ArrayList<>();
        result.runs().forEach(r -> strategies.add(r.strategy()));
        return strategies;
    }

    private static boolean same(Map<String, double @Nullable []> a, Map<String, double @Nullable []> b) {
        for (var e : a.entrySet()) {
            double @Nullable [] x = e.getValue();
            double @Nullable [] y = b.get(e.getKey());
            if (x == null || y == null) {
                if (x != y) {
                    return false;
                }
                continue;
            }
            for (int i = 0; i < x.length; i++) {
                if (Math.abs(x[i] - y[i]) > TOLERANCE * Math.max(1, Math.abs(x[i]))) {
                    return false;
                }
            }
        }
        return true;
    }
}
