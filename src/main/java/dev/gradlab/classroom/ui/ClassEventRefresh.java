package dev.gradlab.classroom.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import dev.gradlab.classroom.events.ClassEvents;
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
        page.addAttachListener(e -> r.subscribe(e.getUI()));
        page.addDetachListener(e -> r.unsubscribe());
    }

    private void subscribe(UI ui) {
        unsubscribe();
        String c = code.get();
        if (!c.isEmpty()) {
            subscription = events.subscribe(c, payload -> {
                if (relevant.test(payload)) {
                    ui.access(refresh::run);
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
