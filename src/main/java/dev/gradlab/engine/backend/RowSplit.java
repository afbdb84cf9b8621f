package dev.gradlab.engine.backend;

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
 *
 * <p>The blocks are a function of the number of rows only ({@link #blocks(int)}), never of the thread count or of
 * which thread takes which block, so a kernel whose result could depend on the block boundaries still gives the same
 * bits on one thread or many, on an idle machine or a busy one.
 */
final class RowSplit {

    static final int THREADS = Math.max(
            1, Integer.getInteger("gradlab.threads", Runtime.getRuntime().availableProcessors()));
    private static final @Nullable ExecutorService POOL = THREADS == 1
            ? null
            : Executors.newFixedThreadPool(THREADS - 1, r -> {
                Thread t = new Thread(r, "gradlab-matmul");
                t.setDaemon(true);
                return t;
            });

    private RowSplit() {}

    /** Work on rows [i0, i1) of the output; blocks never overlap. */
    interface Rows {
        void run(int i0, int i1);
    }

    /** Fewest rows per block. */
    static final int MIN_ROWS = 8;
    /** Most blocks a product is cut into (the 8 two threads used to take; more than 8 threads would wait). */
    static final int MAX_BLOCKS = 8;

    /** How many blocks rows [0, m) are cut into: depends on m alone. */
    static int blocks(int m) {
        return Math.max(1, Math.min(MAX_BLOCKS, m / MIN_ROWS));
    }

    /**
     * Rows [0, m) cut into {@code count} equal blocks (the same ones whatever the thread count), run on up to
     * {@code threads} threads that take blocks one at a time from a shared counter: a thread that gets less of the CPU
     * (a busy core) simply takes fewer blocks.
     */
    static void run(Rows rows, int m, int count, int threads) {
        ExecutorService pool = POOL;
        count = Math.max(1, Math.min(count, m));
        threads = Math.min(Math.min(threads, THREADS), count);
        if (threads <= 1 || pool == null) {
            for (int b = 0; b < count; b++) {
                rows.run(start(m, b, count), start(m, b + 1, count));
            }
            return;
        }
        Blocks blocks = new Blocks(rows, m, count);
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

    private static int start(int m, int block, int count) {
        return (int) ((long) m * block / count);
    }

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
                        rows.run(start(m, b, count), start(m, b + 1, count));
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
