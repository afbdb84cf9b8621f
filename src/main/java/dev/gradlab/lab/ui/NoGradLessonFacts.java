package dev.gradlab.lab.ui;

import dev.gradlab.lab.nograd.BackwardFailure;
import dev.gradlab.lab.nograd.BatchComparison;
import dev.gradlab.lab.nograd.LeakPoint;
import dev.gradlab.lab.nograd.ModeFacts;
import dev.gradlab.lab.nograd.NoGradFacts;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The numbers behind the no_grad lesson, in the course's setting (784-128-10 MLP over the bundled Fashion-MNIST test
 * images). Loading the images is the slow part, so it happens once per application; the deterministic results (the
 * leak, the refusal, the eval table) are kept, while the timed comparison is measured afresh on every call.
 */
@Component
class NoGradLessonFacts {

    /** Batches shown in the comparison and the leak: enough for a trend, few enough for a phone. */
    static final int BATCHES = 8;
    static final double DROPOUT = 0.5;
    static final int ROWS = 4;

    private volatile @Nullable NoGradFacts facts;
    private volatile @Nullable List<LeakPoint> leak;
    private volatile @Nullable List<ModeFacts> modes;

    private NoGradFacts facts() {
        NoGradFacts f = facts;
        if (f == null) {
            synchronized (this) {
                f = facts;
                if (f == null) {
                    f = NoGradFacts.fashionMnist();
                    facts = f;
                }
            }
        }
        return f;
    }

    int batchSize() {
        return facts().batchSize();
    }

    int batches() {
        return Math.min(BATCHES, facts().batches());
    }

    /** Measured now: times differ from call to call, graph sizes do not. */
    List<BatchComparison> compare() {
        return facts().compareEvaluation(batches());
    }

    List<LeakPoint> leak() {
        List<LeakPoint> l = leak;
        if (l == null) {
            l = facts().leak(batches());
            leak = l;
        }
        return l;
    }

    /** Runs backward() on a no-grad loss for real, every time it is asked. */
    BackwardFailure tryBackward() {
        return facts().backwardOnNoGradResult();
    }

    List<ModeFacts> modes() {
        List<ModeFacts> m = modes;
        if (m == null) {
            m = facts().evalVersusNoGrad(DROPOUT, ROWS);
            modes = m;
        }
        return m;
    }
}
