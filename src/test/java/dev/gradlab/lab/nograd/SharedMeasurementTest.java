package dev.gradlab.lab.nograd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The lesson's timings run on their executor, never on the asking (page) thread, and callers share one run. */
class SharedMeasurementTest {

    /** An executor that only queues: nothing runs until the test says so, so "not on the caller's thread" is exact. */
    private static final class Queued implements Executor {
        final Queue<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void runAll() {
            while (!tasks.isEmpty()) {
                tasks.remove().run();
            }
        }
    }

    @Test
    void asking_returns_before_anything_is_measured_and_the_result_comes_from_the_executor() {
        Queued executor = new Queued();
        AtomicInteger runs = new AtomicInteger();
        SharedMeasurement<Integer> m = new SharedMeasurement<>(executor, runs::incrementAndGet);

        CompletableFuture<Integer> asked = m.get();
        assertThat(runs).hasValue(0); // the caller's thread measured nothing
        assertThat(asked).isNotDone();
        executor.runAll();
        assertThat(asked).isCompletedWithValue(1);
    }

    @Test
    void callers_during_a_measurement_share_it_and_a_later_caller_gets_a_fresh_one() {
        Queued executor = new Queued();
        AtomicInteger runs = new AtomicInteger();
        SharedMeasurement<Integer> m = new SharedMeasurement<>(executor, runs::incrementAndGet);

        CompletableFuture<Integer> first = m.get();
        CompletableFuture<Integer> second = m.get();
        assertThat(second).isSameAs(first);
        assertThat(executor.tasks).hasSize(1);
        executor.runAll();
        assertThat(first).isCompletedWithValue(1);

        CompletableFuture<Integer> again = m.get(); // the earlier one is done: "Measure again" measures again
        executor.runAll();
        assertThat(again).isCompletedWithValue(2);
        assertThat(runs).hasValue(2);
    }

    @Test
    void a_failed_measurement_is_not_handed_to_the_next_caller() {
        Queued executor = new Queued();
        AtomicInteger runs = new AtomicInteger();
        SharedMeasurement<Integer> m = new SharedMeasurement<>(executor, () -> {
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("data set missing");
            }
            return runs.get();
        });
        CompletableFuture<Integer> failed = m.get();
        executor.runAll();
        assertThat(failed).isCompletedExceptionally();
        CompletableFuture<Integer> next = m.get();
        executor.runAll();
        assertThat(next).isCompletedWithValue(2);
    }
}
