package dev.gradlab.classroom.events;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One instance only (the embedded database): events go straight to this JVM's subscribers. */
public class InProcessClassEvents implements ClassEvents {

    private static final Logger log = LoggerFactory.getLogger(InProcessClassEvents.class);

    private final Map<String, Set<Consumer<String>>> subscribers = new ConcurrentHashMap<>();

    @Override
    public void publish(String classCode, String payload) {
        for (Consumer<String> listener : subscribers.getOrDefault(classCode, Set.of())) {
            try {
                listener.accept(payload);
            } catch (RuntimeException e) {
                // one broken page must not keep the event from the others
                log.warn("a class event listener for {} failed: {}", classCode, e.toString());
            }
        }
    }

    @Override
    public AutoCloseable subscribe(String classCode, Consumer<String> listener) {
        subscribers
                .computeIfAbsent(classCode, c -> ConcurrentHashMap.newKeySet())
                .add(listener);
        return () -> subscribers.computeIfPresent(classCode, (c, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }
}
