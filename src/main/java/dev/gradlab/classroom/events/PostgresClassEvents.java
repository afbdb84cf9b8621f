package dev.gradlab.classroom.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replicas that share one PostgreSQL database: every event is a {@code NOTIFY} on one channel ({@value #CHANNEL},
 * payload "code payload"), and each replica's daemon thread {@code LISTEN}s on a connection of its own and hands what
 * arrives (its own events included) to the local subscribers of that code. A second connection of its own sends, on
 * a thread of its own, so a publishing request never waits for the database. A lost connection is opened again with
 * a backoff of 0.1 s doubling to 5 s; events sent while a replica is not listening do not reach it (PostgreSQL does
 * not keep them), which is logged: pages read the class's state from the database, events only say "look again".
 */
public final class PostgresClassEvents implements ClassEvents, AutoCloseable {

    static final String CHANNEL = "gradlab_class";
    private static final Logger log = LoggerFactory.getLogger(PostgresClassEvents.class);
    private static final int WAIT_MILLIS = 500;
    private static final long CHECK_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final long MAX_BACKOFF_MILLIS = 5000;

    /** Opens a new connection to the shared database (the same URL and credentials as the app's). */
    @FunctionalInterface
    public interface Connector {
        Connection open() throws SQLException;
    }

    private final Connector connector;
    private final LocalSubscribers local = new LocalSubscribers("class-events-dispatch");
    private final ThreadPoolExecutor sender;
    private final Thread listener;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong sendFailures = new AtomicLong();
    private final AtomicLong connects = new AtomicLong();
    private volatile boolean running = true;
    private volatile @Nullable Connection listening;
    private volatile int listeningPid = -1;
    private @Nullable Connection sending; // used by the sender thread only

    public PostgresClassEvents(Connector connector) {
        this.connector = connector;
        this.sender = new ThreadPoolExecutor(
                1,
                1,
                0,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(LocalSubscribers.QUEUE),
                r -> daemon(r, "class-events-send"),
                (r, executor) -> {
                    if (!executor.isShutdown()) {
                        sendFailures.incrementAndGet();
                        log.warn("class event not sent: {} events already wait to be sent", LocalSubscribers.QUEUE);
                    }
                });
        this.listener = daemon(this::listen, "class-events-listen");
        listener.start();
    }

    @Override
    public void publish(String classCode, String payload) {
        EventArguments.check(classCode, payload);
        String message = classCode + EventArguments.SEPARATOR + payload;
        EventArguments.afterCommit(() -> sender.execute(() -> send(classCode, message)));
    }

    @Override
    public AutoCloseable subscribe(String classCode, Consumer<String> listener) {
        return local.add(classCode, listener);
    }

    private void send(String classCode, String message) {
        for (int attempt = 1; attempt <= 2; attempt++) {
            try {
                Connection c = sending;
                if (c == null || c.isClosed()) {
                    c = connector.open();
                    c.setAutoCommit(true);
                    sending = c;
                }
                try (PreparedStatement notify = c.prepareStatement("SELECT pg_notify(?, ?)")) {
                    notify.setString(1, CHANNEL);
                    notify.setString(2, message);
                    notify.execute();
                }
                sent.incrementAndGet();
                return;
            } catch (SQLException e) {
                closeQuietly(sending);
                sending = null;
                if (attempt == 2 || !running) {
                    sendFailures.incrementAndGet();
                    log.warn("class event for {} not sent: {}", classCode, oneLine(e));
                }
            }
        }
    }

    private void listen() {
        long backoff = 100;
        while (running) {
            Connection c = null;
            try {
                c = connector.open();
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                listening = c;
                listeningPid = pg.getBackendPID();
                if (connects.incrementAndGet() > 1) {
                    log.info("class events: listening on PostgreSQL again");
                }
                backoff = 100;
                long checked = System.nanoTime();
                while (running) {
                    PGNotification[] arrived = pg.getNotifications(WAIT_MILLIS);
                    if (arrived != null) {
                        for (PGNotification n : arrived) {
                            dispatch(n.getParameter());
                        }
                    }
                    if (System.nanoTime() - checked > CHECK_NANOS) {
                        // a connection that died silently (no reset from the peer) shows itself here
                        try (Statement s = c.createStatement()) {
                            s.execute("SELECT 1");
                        }
                        checked = System.nanoTime();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn(
                            "class events: PostgreSQL connection lost ({}); listening again in {} ms, events sent"
                                    + " meanwhile do not reach this replica",
                            oneLine(e),
                            backoff);
                }
            } finally {
                listening = null;
                listeningPid = -1;
                closeQuietly(c);
            }
            if (running) {
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            }
        }
    }

    private void dispatch(String message) {
        int at = message.indexOf(EventArguments.SEPARATOR);
        if (at > 0) {
            local.deliver(message.substring(0, at), message.substring(at + 1));
        }
    }

    /** The backend process id of the listening connection, or -1 while there is none (for tests and operators). */
    int listeningPid() {
        return listeningPid;
    }

    /** How many times the listening connection was opened. */
    long connects() {
        return connects.get();
    }

    /** Notifications sent. */
    long sent() {
        return sent.get();
    }

    /** Events that could not be sent (logged). */
    long sendFailures() {
        return sendFailures.get();
    }

    LocalSubscribers local() {
        return local;
    }

    @Override
    public void close() {
        running = false;
        sender.shutdown();
        try {
            sender.awaitTermination(2, TimeUnit.SECONDS);
            listener.join(WAIT_MILLIS * 4L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sender.shutdownNow();
        closeQuietly(listening);
        closeQuietly(sending);
        local.close();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static void closeQuietly(@Nullable Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing a connection that is already broken
            }
        }
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
