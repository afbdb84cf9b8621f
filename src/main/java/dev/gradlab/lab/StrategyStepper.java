package dev.gradlab.lab;

import dev.gradlab.engine.Autograd;
import dev.gradlab.engine.NoGradScope;
import dev.gradlab.engine.Tensor;
import dev.gradlab.engine.optim.Optimizer;
import dev.gradlab.scenario.GradientStrategy;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The one place where a {@link GradientStrategy} is applied around an optimizer, batch by batch. Both the scenario
 * {@link Runner} and the model trainer drive their batches through it, so a strategy means exactly the same thing
 * for a hand-written loss and for an MLP on Fashion-MNIST:
 * <pre>
 * stepper.beforeBatch();                       // zero_grad (set to None) if the strategy zeroes every batch
 * stepper.forBackward(loss).backward();        // loss / K when accumulating
 * stepper.afterBackward();                     // one more batch in the .grad buffers
 * var applied = stepper.afterBatch(batch, n);  // step (with .grad / t when averaging), zero if accumulating
 * </pre>
 * Not thread-safe: one stepper per run.
 */
public final class StrategyStepper {

    private final GradientStrategy strategy;
    private final Optimizer optimizer;
    private final Map<String, Tensor> params;
    private int inBuffer;

    /** {@code params}: the optimizer's parameters by name, in the order results should list them. */
    public StrategyStepper(GradientStrategy strategy, Optimizer optimizer, Map<String, Tensor> params) {
        this.strategy = strategy;
        this.optimizer = optimizer;
        this.params = new LinkedHashMap<>(params);
    }

    public GradientStrategy strategy() {
        return strategy;
    }

    /** Before the batch's forward: {@code optimizer.zero_grad()} (set to None) when the strategy zeroes every batch. */
    public void beforeBatch() {
        if (strategy.zeroesBeforeBatch()) {
            optimizer.zeroGrad(true);
            inBuffer = 0;
        }
    }

    /**
     * What backward should start from: the batch's loss divided by the strategy's divisor (K when accumulating). The
     * only place a strategy divides the loss: batches whose gradients are given pass those through it too.
     */
    public Tensor forBackward(Tensor loss) {
        int k = strategy.lossDivisor();
        return k == 1 ? loss : loss.div(k);
    }

    /** After the batch's backward has added into {@code .grad}. */
    public void afterBackward() {
        inBuffer++;
    }

    /**
     * After batch {@code batch} (1-based) of an epoch of {@code batches}: if the strategy steps now, hands the
     * optimizer {@code .grad / divisor} for each parameter (a parameter without a grad is skipped) and steps, then
     * zeroes if the strategy zeroes after stepping.
     *
     * @return the gradient handed to the optimizer per parameter name (null for a skipped parameter), or null when
     *         the strategy did not step after this batch. Read the tensors before the next backward: without a
     *         divisor they are the {@code .grad} buffers themselves, which later batches add into.
     */
    public @Nullable Map<String, @Nullable Tensor> afterBatch(int batch, int batches) {
        if (!strategy.stepsAfter(batch, batches)) {
            return null;
        }
        int divisor = strategy.gradDivisor(inBuffer);
        Map<Tensor, Tensor> byParam = new IdentityHashMap<>();
        Map<String, @Nullable Tensor> applied = new LinkedHashMap<>();
        try (NoGradScope ignored = Autograd.noGrad()) {
            params.forEach((name, p) -> {
                Tensor g = p.grad();
                Tensor a = g == null ? null : divisor == 1 ? g : g.div(divisor);
                if (a != null) {
                    byParam.put(p, a);
                }
                applied.put(name, a);
            });
        }
        optimizer.step(byParam::get);
        if (strategy.zeroesAfterStep()) {
            optimizer.zeroGrad(true);
            inBuffer = 0;
        }
        return applied;
    }
}
