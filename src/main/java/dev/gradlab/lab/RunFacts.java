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
