package dev.gradlab.engine;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Runs a large matrix product's rows in blocks on the machine's cores: the calling thread and helpers from a small
 * daemon pool take blocks until none is left. The caller takes blocks too, so a busy pool (other jobs, a loaded
 * machine) never makes a product wait for a helper to start: it just runs on fewer cores. Threads: the
 * {@code gradlab.threads} property, else the number of available processors.
 */
final class RowSplit {

    static final int THREADS = Math.max(1, Integer.getInteger("gradlab.threads",
            Runtime.getRuntime().availableProcessors()));
    private static final @Nullable ExecutorService POOL = THREADS == 1 ? null
            : Executors.newFixedThreadPool(THREADS - 1, r -> {
                Thread t = new Thread(r, "gradlab-matmul");
                t.setDaemon(true);
                return t;
            });

    private RowSplit() {
    }

    /** Work on rows [i0, i1) of the output; blocks never overlap. */
    interface Rows {
        void run(int i0, int i1);
    }

    /**
     * Rows [0, m) on up to {@code threads} threads, in several blocks per thread taken one at a time from a shared
     * counter: a thread that gets less of the CPU (a busy core) simply takes fewer blocks.
     */
    static void run(Rows rows, int m, int threads) {
        ExecutorService pool = POOL;
        threads = Math.min(threads, THREADS);
        if (threads <= 1 || pool == null) {
            rows.run(0, m);
            return;
        }
        Blocks blocks = new Blocks(rows, m, Math.min(m, threads * BLOCKS_PER_THREAD));
        for (int t = 1; t < threads; t++) {
            pool.execute(blocks::work);
        }
        blocks.work();
        awaitUninterruptibly(blocks.done); // a pool thread may still be writing its rows
        Throwable t = blocks.failure.get();
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
    }

    private static final int BLOCKS_PER_THREAD = 4;

    private static final class Blocks {
        final Rows rows;
        final int m;
        final int count;
        final AtomicInteger next = new AtomicInteger();
        final CountDownLatch done;
        final AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();

        Blocks(Rows rows, int m, int count) {
            this.rows = rows;
            this.m = m;
            this.count = count;
            this.done = new CountDownLatch(count);
        }

        void work() {
            for (int b; (b = next.getAndIncrement()) < count; ) {
                try {
                    if (failure.get() == null) {
                        rows.run((int) ((long) m * b / count), (int) ((long) m * (b + 1) / count));
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    done.countDown();
                }
            }
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
