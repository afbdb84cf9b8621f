package dev.gradlab.classroom.events;

import java.util.function.Consumer;

/** One instance only (the embedded database): events go straight to this JVM's subscribers, after the commit. */
public final class InProcessClassEvents implements ClassEvents, AutoCloseable {

    private final LocalSubscribers local = new LocalSubscribers("class-events");

    @Override
    public void publish(String classCode, String payload) {
        EventArguments.check(classCode, payload);
        EventArguments.afterCommit(() -> local.deliver(classCode, payload));
    }

    @Override
    public AutoCloseable subscribe(String classCode, Consumer<String> listener) {
        return local.add(classCode, listener);
    }

    LocalSubscribers local() {
        return local;
    }

    @Override
    public void close() {
        local.close();
    }
}
