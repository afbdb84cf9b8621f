package dev.gradlab.engine;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Runs a large matrix product's rows in blocks on the machine's cores: the calling thread takes the first block
 * and a small daemon pool the others. A block no pool thread has started yet is taken back by the caller, so a busy
 * pool (other jobs, a loaded machine) never makes a product wait: it just runs on fewer cores. Threads: the
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

    static void run(Rows rows, int m, int parts) {
        ExecutorService pool = POOL;
        parts = Math.min(parts, THREADS);
        if (parts <= 1 || pool == null) {
            rows.run(0, m);
            return;
        }
        CountDownLatch others = new CountDownLatch(parts - 1);
        AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
        Block[] blocks = new Block[parts];
        for (int b = 1; b < parts; b++) {
            Block block = new Block(rows, (int) ((long) m * b / parts), (int) ((long) m * (b + 1) / parts), others,
                    failure);
            blocks[b] = block;
            pool.execute(block::runIfUnclaimed);
        }
        rows.run(0, (int) ((long) m / parts));
        for (int b = 1; b < parts; b++) {
            blocks[b].runIfUnclaimed();
        }
        awaitUninterruptibly(others); // a pool thread may still be writing its rows
        Throwable t = failure.get();
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
    }

    private record Block(Rows rows, int i0, int i1, CountDownLatch done, AtomicReference<@Nullable Throwable> failure,
            AtomicBoolean claimed) {

        Block(Rows rows, int i0, int i1, CountDownLatch done, AtomicReference<@Nullable Throwable> failure) {
            this(rows, i0, i1, done, failure, new AtomicBoolean());
        }

        void runIfUnclaimed() {
            if (!claimed.compareAndSet(false, true)) {
                return;
            }
            try {
                rows.run(i0, i1);
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            } finally {
                done.countDown();
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
