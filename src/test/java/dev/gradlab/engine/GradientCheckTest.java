package dev.gradlab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradlab.engine.nn.Mlp;
import dev.gradlab.engine.nn.Sequential;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operation's backward against central differences (f(x + h) − f(x − h)) / 2h, in doubles, with random
 * inputs from a fixed seed. The output is reduced with fixed random weights (not a plain sum, which would hide
 * errors in softmax-like ops whose outputs sum to a constant).
 */
class GradientCheckTest {

    private static final double H = 1e-6;
    private static final double TOLERANCE = 1e-6;

    /** How an input's random values are drawn: the domain each op is differentiable on. */
    enum Domain {
        ANY,
        POSITIVE,
        AWAY_FROM_ZERO
    }

    record Input(Domain domain, int... shape) {}

    record Case(String name, List<Input> inputs, Function<Tensor[], Tensor> f) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Input any(int... shape) {
        return new Input(Domain.ANY, shape);
    }

    private static Input positive(int... shape) {
        return new Input(Domain.POSITIVE, shape);
    }

    private static Input nonzero(int... shape) {
        return new Input(Domain.AWAY_FROM_ZERO, shape);
    }

    private static Case op(String name, Function<Tensor[], Tensor> f, Input... inputs) {
        return new Case(name, List.of(inputs), f);
    }

    static Stream<Case> cases() {
        int[] labels = {2, 0, 1};
        return Stream.of(
                op("add", t -> t[0].add(t[1]), any(3, 4), any(3, 4)),
                op("add broadcasts a row", t -> t[0].add(t[1]), any(3, 4), any(4)),
                op("add broadcasts a column", t -> t[0].add(t[1]), any(3, 1), any(3, 4)),
                op("add broadcasts a scalar tensor", t -> t[0].add(t[1]), any(), any(3, 4)),
                op("add broadcasts [3,1] with [1,4]", t -> t[0].add(t[1]), any(3, 1), any(1, 4)),
                op("add a number", t -> t[0].add(2.5), any(3, 4)),
                op("sub", t -> t[0].sub(t[1]), any(3, 4), any(3, 4)),
                op("sub broadcasts a row", t -> t[0].sub(t[1]), any(3, 4), any(4)),
                op("sub a number", t -> t[0].sub(2.5), any(3)),
                op("rsub", t -> t[0].rsub(2.5), any(3)),
                op("mul", t -> t[0].mul(t[1]), any(3, 4), any(3, 4)),
                op("mul broadcasts a row", t -> t[0].mul(t[1]), any(4), any(3, 4)),
                op("mul broadcasts a column", t -> t[0].mul(t[1]), any(3, 4), any(3, 1)),
                op("mul by itself", t -> t[0].mul(t[0]), any(5)),
                op("mul a number", t -> t[0].mul(-1.5), any(2, 3)),
                op("div", t -> t[0].div(t[1]), any(3, 4), positive(3, 4)),
                op("div broadcasts a row", t -> t[0].div(t[1]), any(3, 4), positive(4)),
                op("div a number", t -> t[0].div(3.0), any(3)),
                op("rdiv", t -> t[0].rdiv(2.0), positive(4)),
                op("pow 2", t -> t[0].pow(2), any(2, 3)),
                op("pow 3", t -> t[0].pow(3), any(4)),
                op("pow 0.5", t -> t[0].pow(0.5), positive(4)),
                op("pow -1.5", t -> t[0].pow(-1.5), positive(4)),
                op("pow tensor", t -> t[0].pow(t[1]), positive(2, 3), any(2, 3)),
                op("pow tensor broadcast", t -> t[0].pow(t[1]), positive(2, 3), any(3)),
                op("neg", t -> t[0].neg(), any(3, 2)),
                op("exp", t -> t[0].exp(), any(3, 2)),
                op("log", t -> t[0].log(), positive(3, 2)),
                op("sqrt", t -> t[0].sqrt(), positive(3, 2)),
                op("abs", t -> t[0].abs(), nonzero(3, 2)),
                op("tanh", t -> t[0].tanh(), any(3, 2)),
                op("sigmoid", t -> t[0].sigmoid(), any(3, 2)),
                op("relu", t -> t[0].relu(), nonzero(3, 4)),
                op("sum", t -> t[0].sum(), any(3, 4)),
                op("sum dim 0", t -> t[0].sum(0), any(3, 4)),
                op("sum dim 1", t -> t[0].sum(1), any(3, 4)),
                op("sum dim -1 keepdim", t -> t[0].sum(-1, true), any(3, 4)),
                op("sum dim 1 of rank 3", t -> t[0].sum(1), any(2, 3, 2)),
                op("mean", t -> t[0].mean(), any(3, 4)),
                op("mean dim 0", t -> t[0].mean(0), any(3, 4)),
                op("mean dim 1", t -> t[0].mean(1), any(3, 4)),
                op("max", t -> t[0].max(), any(3, 4)),
                op("max dim 0", t -> t[0].max(0), any(3, 4)),
                op("max dim 1", t -> t[0].max(1), any(3, 4)),
                op("matmul", t -> t[0].matmul(t[1]), any(3, 4), any(4, 2)),
                op("matmul with a shared operand", t -> t[0].matmul(t[0].t()), any(3, 4)),
                op("matmul of larger blocks", t -> t[0].matmul(t[1]), any(9, 13), any(13, 7)),
                op("matmul through the blocked kernel", t -> t[0].matmul(t[1]), any(9, 23), any(23, 21)),
                op(
                        "linear through the blocked kernel",
                        t -> F.linear(t[0], t[1], t[2]),
                        any(7, 37),
                        any(18, 37),
                        any(18)),
                op("matmul vector·matrix", t -> t[0].matmul(t[1]), any(4), any(4, 3)),
                op("matmul matrix·vector", t -> t[0].matmul(t[1]), any(3, 4), any(4)),
                op("matmul vector·vector", t -> t[0].matmul(t[1]), any(4), any(4)),
                op("transpose", t -> t[0].transpose(), any(3, 4)),
                op("reshape", t -> t[0].reshape(2, 6), any(3, 4)),
                op("view with -1", t -> t[0].view(-1), any(3, 4)),
                op("row", t -> t[0].row(1), any(3, 4)),
                op("row of a vector", t -> t[0].row(2), any(4)),
                op("softmax dim 1", t -> t[0].softmax(1), any(3, 4)),
                op("softmax dim 0", t -> t[0].softmax(0), any(3, 4)),
                op("logSoftmax dim 1", t -> t[0].logSoftmax(1), any(3, 4)),
                op("logSoftmax dim 0", t -> t[0].logSoftmax(0), any(3, 4)),
                op("mse", t -> F.mse(t[0], t[1]), any(3, 2), any(3, 2)),
                op("crossEntropy", t -> F.crossEntropy(t[0], labels), any(3, 4)),
                op("nllLoss", t -> F.nllLoss(t[0], labels), any(3, 4)),
                op("linear", t -> F.linear(t[0], t[1], t[2]), any(5, 3), any(4, 3), any(4)),
                op("linear without bias", t -> F.linear(t[0], t[1], null), any(5, 3), any(4, 3)),
                op("linear of a single sample", t -> F.linear(t[0], t[1], t[2]), any(3), any(4, 3), any(4)),
                op("dropout (same mask each evaluation)", t -> F.dropout(t[0], 0.4, true, new Random(9)), any(4, 5)),
                op("a small MLP with cross-entropy", GradientCheckTest::mlpLoss, any(6, 2)));
    }

    private static Tensor mlpLoss(Tensor[] t) {
        Sequential net = Mlp.of(new int[] {2, 5, 3}, "tanh", 0, new Random(5));
        return F.crossEntropy(net.forward(t[0]), new int[] {0, 2, 1, 1, 0, 2});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void backward_matches_central_differences(Case c) {
        Random rnd = new Random(c.name().hashCode());
        List<double[]> values = new ArrayList<>();
        for (Input in : c.inputs()) {
            values.add(draw(rnd, in));
        }
        Tensor probe = c.f().apply(tensors(c, values, false));
        double[] weights = Tensor.randn(rnd, probe.shape()).toArray();

        Tensor[] inputs = tensors(c, values, true);
        Tensor out = c.f().apply(inputs);
        out.mul(Tensor.of(weights, out.shape())).sum().backward();

        for (int k = 0; k < inputs.length; k++) {
            double[] analytic = inputs[k].grad().toArray();
            double[] x = values.get(k);
            for (int i = 0; i < x.length; i++) {
                double saved = x[i];
                x[i] = saved + H;
                double plus = weighted(c, values, weights);
                x[i] = saved - H;
                double minus = weighted(c, values, weights);
                x[i] = saved;
                double numeric = (plus - minus) / (2 * H);
                double scale = Math.max(1, Math.max(Math.abs(numeric), Math.abs(analytic[i])));
                assertThat(Math.abs(numeric - analytic[i]) / scale)
                        .as(
                                "%s: d/d input %d element %d (numeric %s, backward %s)",
                                c.name(), k, i, numeric, analytic[i])
                        .isLessThan(TOLERANCE);
            }
        }
    }

    private static double weighted(Case c, List<double[]> values, double[] weights) {
        try (var off = Autograd.noGrad()) {
            double[] y = c.f().apply(tensors(c, values, false)).toArray();
            double s = 0;
            for (int i = 0; i < y.length; i++) {
                s += y[i] * weights[i];
            }
            return s;
        }
    }

    private static Tensor[] tensors(Case c, List<double[]> values, boolean requiresGrad) {
        Tensor[] t = new Tensor[values.size()];
        for (int k = 0; k < t.length; k++) {
            t[k] = Tensor.of(values.get(k), c.inputs().get(k).shape()).requiresGrad_(requiresGrad);
        }
        return t;
    }

    private static double[] draw(Random rnd, Input in) {
        double[] v = new double[Math.max(1, java.util.Arrays.stream(in.shape()).reduce(1, (a, b) -> a * b))];
        for (int i = 0; i < v.length; i++) {
            double u = rnd.nextDouble();
            v[i] = switch (in.domain()) {
                case ANY -> 4 * u - 2;
                case POSITIVE -> 0.5 + 2 * u;
                case AWAY_FROM_ZERO -> (0.2 + u) * (rnd.nextBoolean() ? 1 : -1);
            };
        }
        return v;
    }
}
