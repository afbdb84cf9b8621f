package dev.gradlab.lab;

import dev.gradlab.scenario.GradientStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The gradient-descent update of each step written out in LaTeX with that step's real numbers substituted, e.g.
 * {@code \theta^{(2)} = 8 - 1 \times (2 + 1) = 5} under {@code summed}. The numbers are never typed in: the batch
 * gradients come from the scenario, the parameter before and after and the applied gradient from the run result.
 * Only for a scalar parameter under plain SGD, where the update really is θ − η·g.
 */
public final class UpdateFormulas {

    /** What a run did at one step: whether it stepped, the gradient it applied, the parameter afterwards. */
    public record StepValues(boolean stepped, @Nullable Double applied, double after) {}

    /** One step's formula; {@code after} is the run's value, which the formula's arithmetic arrives at. */
    public record Formula(
            int step, GradientStrategy strategy, boolean stepped, double before, double after, String latex) {}

    private static final Set<String> GREEK = Set.of(
            "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu", "nu",
            "xi", "pi", "rho", "sigma", "tau", "phi", "chi", "psi", "omega");

    private UpdateFormulas() {}

    /**
     * The formula of every step of one run. {@code batchGrads.get(i)} is what batch i+1's backward adds (before any
     * division by K); {@code steps} are the run's steps in order.
     */
    public static List<Formula> of(
            String param,
            double lr,
            GradientStrategy strategy,
            double initial,
            List<Double> batchGrads,
            List<StepValues> steps) {
        if (batchGrads.size() < steps.size()) {
            throw new IllegalArgumentException("strategy " + strategy + ": " + steps.size() + " steps but only "
                    + batchGrads.size() + " batch gradients");
        }
        var out = new ArrayList<Formula>();
        double before = initial;
        int windowStart = 0; // first batch whose gradient is still in .grad (accumulate-K)
        for (int t = 1; t <= steps.size(); t++) {
            StepValues s = steps.get(t - 1);
            int current = t;
            int start = windowStart;
            int from = strategy.match(() -> current - 1, () -> 0, () -> 0, k -> start);
            List<Double> window = batchGrads.subList(from, t);
            String lhs = symbol(param) + "^{(" + t + ")}";
            String latex;
            if (!s.stepped()) {
                latex = lhs + " = " + symbol(param) + "^{(" + (t - 1) + ")} = " + number(s.after());
            } else {
                latex = lhs + " = " + number(before) + " - " + number(lr) + " \\times "
                        + applied(strategy, window, t, s.applied()) + " = " + number(s.after());
            }
            out.add(new Formula(t, strategy, s.stepped(), before, s.after(), latex));
            if (s.stepped()) {
                windowStart = t;
            }
            before = s.after();
        }
        return out;
    }

    /** The general update rule of a strategy, without numbers. */
    public static String rule(String param, GradientStrategy strategy) {
        String p = symbol(param);
        String head = p + "^{(t)} = " + p + "^{(t-1)} - \\eta";
        return head
                + strategy.match(
                        () -> "\\, g_t",
                        () -> " \\sum_{i=1}^{t} g_i",
                        () -> " \\, \\frac{1}{t} \\sum_{i=1}^{t} g_i",
                        k -> " \\, \\frac{1}{" + k + "} \\sum_{i \\in \\text{window}} g_i");
    }

    private static String applied(GradientStrategy strategy, List<Double> window, int t, @Nullable Double applied) {
        String sum = sum(window);
        String plain = window.size() > 1 ? "(" + sum + ")" : parenthesisedIfNegative(window.get(0));
        return strategy.match(
                () -> parenthesisedIfNegative(window.get(0)),
                () -> plain,
                () -> "\\frac{" + sum + "}{" + t + "}",
                k -> dividedByK(window, k, applied) ? "\\frac{" + sum + "}{" + k + "}" : plain);
    }

    /**
     * Whether the run divided the accumulated gradients by K. With a loss it always does (the loss is divided); for
     * given gradients that is the runner's choice, so the applied value decides which formula is true.
     */
    private static boolean dividedByK(List<Double> window, int k, @Nullable Double applied) {
        double total = window.stream().mapToDouble(Double::doubleValue).sum();
        return applied == null || Math.abs(applied - total / k) <= Math.abs(applied - total);
    }

    private static String sum(List<Double> terms) {
        var sb = new StringBuilder(number(terms.get(0)));
        for (int i = 1; i < terms.size(); i++) {
            double g = terms.get(i);
            sb.append(g < 0 ? " - " : " + ").append(number(Math.abs(g)));
        }
        return sb.toString();
    }

    private static String parenthesisedIfNegative(double g) {
        return g < 0 ? "(" + number(g) + ")" : number(g);
    }

    /** LaTeX for a parameter name: Greek names become letters, others upright. */
    static String symbol(String name) {
        return GREEK.contains(name) ? "\\" + name : "\\mathrm{" + name.replace("_", "\\_") + "}";
    }

    /** At most four decimals, trailing zeros dropped: the precision a student checks by hand. */
    static String number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return "\\text{" + d + "}";
        }
        String s = String.format(Locale.ROOT, "%.4f", d);
        s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s.equals("-0") ? "0" : s;
    }
}
