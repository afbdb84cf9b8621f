package dev.gradlab.classroom.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import dev.gradlab.base.ui.PushOnDemand;
import dev.gradlab.classroom.events.ClassEvents;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Keeps a class page current: while the page is attached it is subscribed to its class's events (from any replica),
 * and each event re-reads the class on the page's UI thread. Detaching (a closed tab, navigating away) unsubscribes.
 */
final class ClassEventRefresh {

    private final ClassEvents events;
    private final Supplier<String> code;
    private final Predicate<String> relevant;
    private final Runnable refresh;
    private @Nullable AutoCloseable subscription;
    private final AtomicBoolean pending = new AtomicBoolean();

    /**
     * Rebuilds pages on every core: the bus calls its listeners one after another on one thread (in order), and a
     * class of 100 whose pages were rebuilt there waited for each other (step arrival p95 about 1 s on 2 cores). When
     * the queue is full the bus's own thread does the work, so nothing is dropped.
     */
    private static final ThreadPoolExecutor REFRESHERS = new ThreadPoolExecutor(
            Runtime.getRuntime().availableProcessors(),
            Runtime.getRuntime().availableProcessors(),
            60,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(10_000),
            r -> {
                Thread t = new Thread(r, "gradlab-class-page-refresh");
                t.setDaemon(true);
                return t;
            },
            new ThreadPoolExecutor.CallerRunsPolicy());

    static {
        REFRESHERS.allowCoreThreadTimeOut(true);
    }

    private ClassEventRefresh(ClassEvents events, Supplier<String> code, Predicate<String> relevant, Runnable refresh) {
        this.events = events;
        this.code = code;
        this.relevant = relevant;
        this.refresh = refresh;
    }

    /**
     * Calls {@code refresh} for every event of the class {@code code} names when {@code page} is attached (its
     * {@code beforeEnter} has run by then); an empty code subscribes to nothing.
     */
    static void install(Component page, ClassEvents events, Supplier<String> code, Runnable refresh) {
        install(page, events, code, payload -> true, refresh);
    }

    /** As above, for the events whose payload ({@code "step"}, {@code "answer:<id>"}, …) {@code relevant} accepts. */
    static void install(
            Component page, ClassEvents events, Supplier<String> code, Predicate<String> relevant, Runnable refresh) {
        ClassEventRefresh r = new ClassEventRefresh(events, code, relevant, refresh);
        PushOnDemand.need(page);
        page.addAttachListener(e -> r.subscribe(e.getUI()));
        page.addDetachListener(e -> r.unsubscribe());
    }

    private void subscribe(UI ui) {
        unsubscribe();
        pending.set(false);
        String c = code.get();
        if (!c.isEmpty()) {
            subscription = events.subscribe(c, payload -> {
                // at most one refresh waits per page: it re-reads the whole class when it runs, so it covers
                // every event that arrived while it waited
                if (relevant.test(payload) && pending.compareAndSet(false, true)) {
                    REFRESHERS.execute(() -> {
                        try {
                            ui.access(() -> {
                                pending.set(false);
                                refresh.run();
                            });
                        } catch (UIDetachedException e) {
                            pending.set(false); // the page has gone; a new attach subscribes afresh
                        }
                    });
                }
            });
        }
    }

    private void unsubscribe() {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                // nothing to undo: the page is gone
            }
            subscription = null;
        }
    }
}
