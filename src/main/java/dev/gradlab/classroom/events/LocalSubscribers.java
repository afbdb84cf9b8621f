package dev.gradlab.classroom.events;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This JVM's subscribers of each class and the one daemon thread that calls them, in the order the events arrived,
 * so neither a publishing request nor the PostgreSQL listener waits for a page. The thread ends after a minute
 * without events and on {@link #close()}; a queue of more than {@value #QUEUE} events drops (and counts) the rest.
 */
final class LocalSubscribers implements AutoCloseable {

    static final int QUEUE = 10_000;
    private static final Logger log = LoggerFactory.getLogger(LocalSubscribers.class);

    /**
     * One per {@code subscribe} call, equal only to itself (not a record), so subscribing the same listener twice
     * gives two independent handles.
     */
    private static final class Subscription {
        private final Consumer<String> listener;

        Subscription(Consumer<String> listener) {
            this.listener = listener;
        }

        Consumer<String> listener() {
            return listener;
        }
    }

    private final Map<String, Set<Subscription>> byCode = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor dispatcher;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    LocalSubscribers(String threadName) {
        dispatcher = new ThreadPoolExecutor(
                1,
                1,
                60,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE),
                r -> {
                    Thread t = new Thread(r, threadName);
                    t.setDaemon(true);
                    return t;
                },
                (r, executor) -> {
                    if (!executor.isShutdown()) {
                        dropped.incrementAndGet();
                        log.warn("class event dropped: {} events already wait for delivery", QUEUE);
                    }
                });
        dispatcher.allowCoreThreadTimeOut(true);
    }

    AutoCloseable add(String classCode, Consumer<String> listener) {
        Subscription s = new Subscription(listener);
        byCode.computeIfAbsent(classCode, c -> ConcurrentHashMap.newKeySet()).add(s);
        return () -> byCode.computeIfPresent(classCode, (c, set) -> {
            set.remove(s);
            return set.isEmpty() ? null : set;
        });
    }

    void deliver(String classCode, String payload) {
        if (!byCode.containsKey(classCode)) {
            return;
        }
        dispatcher.execute(() -> {
            for (Subscription s : byCode.getOrDefault(classCode, Set.of())) {
                try {
                    s.listener().accept(payload);
                    delivered.incrementAndGet();
                } catch (RuntimeException e) {
                    // one broken page must not keep the event from the others
                    failed.incrementAndGet();
                    log.warn("a class event listener for {} failed: {}", classCode, e.toString());
                }
            }
        });
    }

    int subscribers() {
        return byCode.values().stream().mapToInt(Set::size).sum();
    }

    /** Listener calls that returned normally. */
    long delivered() {
        return delivered.get();
    }

    /** Listener calls that threw (logged, and the other listeners still called). */
    long failed() {
        return failed.get();
    }

    /** Events not delivered because too many were waiting. */
    long dropped() {
        return dropped.get();
    }

    boolean threadRunning() {
        return dispatcher.getPoolSize() > 0;
    }

    @Override
    public void close() {
        dispatcher.shutdown();
        try {
            if (!dispatcher.awaitTermination(2, TimeUnit.SECONDS)) {
                dispatcher.shutdownNow();
            }
        } catch (InterruptedException e) {
            dispatcher.shutdownNow();
            Thread.currentThread().interrupt();
        }
        byCode.clear();
    }
}
