package dev.gradlab.classroom.events;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A subscriber for tests: keeps what arrives, with the thread that delivered it. */
final class Inbox implements Consumer<String> {

    final LinkedBlockingQueue<String> events = new LinkedBlockingQueue<>();
    volatile String lastThread = "";

    @Override
    public void accept(String payload) {
        lastThread = Thread.currentThread().getName();
        events.add(payload);
    }

    /** The next event within {@code millis}, or null. */
    String next(long millis) throws InterruptedException {
        return events.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** Every event that arrives within {@code millis}. */
    List<String> drain(long millis) throws InterruptedException {
        Thread.sleep(millis);
        List<String> all = new ArrayList<>();
        events.drainTo(all);
        return all;
    }
}
