package dev.gradlab.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Refuses sign-in for a username after {@value #MAX_FAILURES} failures within {@link #WINDOW}, until the oldest of
 * them leaves the window, whatever password comes next. Per username (not per address), so a guesser who switches
 * addresses gains nothing; in memory, so a restart clears it (acceptable: a restart takes longer than many guesses).
 */
@Component
public class SignInThrottle {

    static final int MAX_FAILURES = 10;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final Logger LOG = LoggerFactory.getLogger(SignInThrottle.class);

    private final Clock clock;
    private final ConcurrentHashMap<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Whether sign-in for {@code username} is refused now. */
    public boolean isBlocked(String username) {
        Deque<Instant> list = failures.get(key(username));
        if (list == null) {
            return false;
        }
        synchronized (list) {
            prune(list);
            return list.size() >= MAX_FAILURES;
        }
    }

    /** Records a failed sign-in; the failure that reaches the limit is logged once, as one WARN line. */
    public void recordFailure(String username) {
        Deque<Instant> list = failures.computeIfAbsent(key(username), k -> new ArrayDeque<>());
        synchronized (list) {
            prune(list);
            list.addLast(clock.instant());
            if (list.size() == MAX_FAILURES) {
                LOG.warn(
                        "sign-in for user '{}' blocked for up to {} minutes after {} failed attempts",
                        key(username),
                        WINDOW.toMinutes(),
                        MAX_FAILURES);
            }
        }
    }

    private void prune(Deque<Instant> list) {
        Instant cutoff = clock.instant().minus(WINDOW);
        while (!list.isEmpty() && !list.peekFirst().isAfter(cutoff)) {
            list.removeFirst();
        }
    }

    private static String key(String username) {
        String k = username.strip().toLowerCase(Locale.ROOT).replaceAll("[\\r\\n\\t]", " ");
        return k.length() > 64 ? k.substring(0, 64) : k;
    }
}
