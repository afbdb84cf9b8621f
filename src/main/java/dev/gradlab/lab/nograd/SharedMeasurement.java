package dev.gradlab.lab.nograd;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A measurement run on its own executor, never on the caller's thread (a page's request thread holds its session's
 * lock), and shared: whoever asks while one is running gets that one's result, so a class opening the lesson at once
 * starts one measurement, not thirty competing ones (which would also spoil the timings they report).
 */
final class SharedMeasurement<T> {

    private final Executor executor;
    private final Supplier<T> measure;
    private @Nullable CompletableFuture<T> running;

    SharedMeasurement(Executor executor, Supplier<T> measure) {
        this.executor = executor;
        this.measure = measure;
    }

    /** The running measurement, or a new one started on the executor; returns at once. */
    synchronized CompletableFuture<T> get() {
        CompletableFuture<T> r = running;
        if (r != null && !r.isDone()) {
            return r;
        }
        CompletableFuture<T> started = CompletableFuture.supplyAsync(measure, executor);
        running = started;
        return started;
    }
}
