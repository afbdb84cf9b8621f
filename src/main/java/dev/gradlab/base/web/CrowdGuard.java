package dev.gradlab.base.web;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps a flood of new visitors from knocking the server over while existing students go on working. A request that
 * has no valid session yet (and would create one) is refused with a polite, translated HTTP 503 page and
 * {@code Retry-After: 60} when
 * <ul>
 *   <li>{@code gradlab.sessions.max} sessions are open (default: the maximum heap in MB minus the app's own 256 MB, at
 *       least 10; see {@link #defaultMaxSessions(long)}), or
 *   <li>its client address ({@link ClientAddress}) has opened {@code gradlab.sessions.new-per-address-per-minute}
 *       sessions (default 240) in the last minute (a Bucket4j token bucket per address, refilled gradually).
 * </ul>
 * Requests of an existing session always pass. A new session lives {@code gradlab.sessions.untouched-timeout}
 * (default 2 min) until it is heard from again after its first page (a click, the push connection or the page's
 * heartbeat), and then the usual {@code server.servlet.session.timeout} (30 min by default).
 *
 * <p>A plain servlet filter and session listener (no Spring): {@code dev.gradlab.GradlabBeans} registers it for
 * request dispatches, ahead of Vaadin's servlet.
 */
public class CrowdGuard extends HttpFilter implements HttpSessionListener {

    static final String INTERACTED = CrowdGuard.class.getName() + ".interacted";
    /** Addresses remembered at most; beyond, the table is cleared (buckets start full again: lenient, bounded). */
    private static final int MAX_ADDRESSES = 100_000;

    private final int maxSessions;
    private final int newPerAddressPerMinute;
    private final Duration untouchedTimeout;
    private final Duration sessionTimeout;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<String, Bucket> perAddress = new ConcurrentHashMap<>();

    public CrowdGuard(int maxSessions, int newPerAddressPerMinute, Duration untouchedTimeout, Duration sessionTimeout) {
        this.maxSessions = maxSessions > 0
                ? maxSessions
                : defaultMaxSessions(Runtime.getRuntime().maxMemory());
        if (newPerAddressPerMinute < 1) {
            throw new IllegalArgumentException(
                    "gradlab.sessions.new-per-address-per-minute must be ≥ 1, got " + newPerAddressPerMinute);
        }
        this.newPerAddressPerMinute = newPerAddressPerMinute;
        this.untouchedTimeout = untouchedTimeout;
        this.sessionTimeout = sessionTimeout;
    }

    /** MB of heap the app itself needs (Spring, Hibernate, Vaadin, the data sets) before any visitor. */
    static final long APP_HEAP_MB = 256;

    /**
     * One session per MB of the heap left after the app's own {@link #APP_HEAP_MB}, at least 10: a session costs
     * about 0.6 MB idle, so the cap is reached well before the heap runs out (one per MB of the whole heap was not:
     * a 320 MB heap ran out of memory during a flood in development mode).
     */
    static int defaultMaxSessions(long maxHeapBytes) {
        return (int) Math.max(10, Math.min(Integer.MAX_VALUE, maxHeapBytes / (1024 * 1024) - APP_HEAP_MB));
    }

    public int maxSessions() {
        return maxSessions;
    }

    public int openSessions() {
        return open.get();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session == null && createsSession(request)) {
            if (open.get() >= maxSessions || !bucket(ClientAddress.of(request)).tryConsume(1)) {
                refuse(request, response);
                return;
            }
        } else if (session != null) {
            markInteracted(session);
        }
        chain.doFilter(request, response);
    }

    /**
     * Static files (the front-end bundle, icons) never open a session, nor does the HTTP API (stateless, HTTP Basic,
     * throttled by its own sign-in limit); pages and Vaadin's requests do.
     */
    static boolean createsSession(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/") || path.equals("/api") || path.startsWith("/actuator/")) {
            return false;
        }
        if (path.startsWith("/VAADIN/") && !path.startsWith("/VAADIN/push")) {
            return false;
        }
        int slash = path.lastIndexOf('/');
        String last = path.substring(slash + 1);
        return !(last.contains(".") && !last.endsWith(".html"));
    }

    private void markInteracted(HttpSession session) {
        try {
            if (session.getAttribute(INTERACTED) == null) {
                session.setAttribute(INTERACTED, Boolean.TRUE);
                session.setMaxInactiveInterval((int) sessionTimeout.toSeconds());
            }
        } catch (IllegalStateException invalidated) {
            // the session ended meanwhile: nothing to mark
        }
    }

    private Bucket bucket(String address) {
        if (perAddress.size() > MAX_ADDRESSES) {
            perAddress.clear();
        }
        return perAddress.computeIfAbsent(
                address,
                a -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(newPerAddressPerMinute)
                                .refillGreedy(newPerAddressPerMinute, Duration.ofMinutes(1))
                                .build())
                        .build());
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale =
                request.getLocale() != null && request.getLocale().getLanguage().equals("zh")
                        ? Locale.forLanguageTag("zh-TW")
                        : Locale.ENGLISH;
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "60");
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        byte[] body = page(locale).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The "class is full" page, in English or Traditional Chinese; it reloads itself after a minute. */
    static String page(Locale locale) {
        String title = text(locale, "crowd.full.title", "The class is full");
        String text = text(locale, "crowd.full.text", "Please try again in a minute.");
        String retry = text(locale, "crowd.full.retry", "Try again");
        return "<!DOCTYPE html><html lang=\"" + locale.toLanguageTag() + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta http-equiv=\"refresh\" content=\"60\"><title>" + escape(title) + " · GradLab</title>"
                + "<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;"
                + "line-height:1.5;color:#1a1a1a}a{color:#0b5cad}</style></head><body><main><h1>" + escape(title)
                + "</h1><p>" + escape(text) + "</p><p><a href=\"\">" + escape(retry) + "</a></p></main></body></html>";
    }

    private static String text(Locale locale, String key, String fallback) {
        try {
            return ResourceBundle.getBundle(
                            "vaadin-i18n.translations",
                            locale,
                            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
                    .getString(key);
        } catch (MissingResourceException e) {
            return fallback;
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public void sessionCreated(HttpSessionEvent se) {
        open.incrementAndGet();
        se.getSession().setMaxInactiveInterval((int) untouchedTimeout.toSeconds());
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent se) {
        open.decrementAndGet();
    }
}
