package dev.gradlab.lab.ui;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * The server's side of a click: how long each Vaadin UIDL request (a click, a value change: {@code ?v-r=uidl}) took
 * from the moment it reached the servlet container to the moment its answer was written, which includes any wait for
 * the session's lock. A browser round trip adds the browser's own work, which on a shared 2-core machine can dwarf
 * the server's; this is the part the server answers for. The app runs in the test's JVM, so {@link System#nanoTime()}
 * of the test and of the filter are one clock.
 */
@TestConfiguration
class UidlTimings {

    /** One UIDL request: when it arrived and when it was answered (nanoTime). */
    record Request(long start, long end) {
        long millis() {
            return (end - start) / 1_000_000;
        }
    }

    private static final ConcurrentLinkedQueue<Request> REQUESTS = new ConcurrentLinkedQueue<>();

    @Bean
    FilterRegistrationBean<Filter> uidlTimingFilter() {
        FilterRegistrationBean<Filter> bean = new FilterRegistrationBean<>((request, response, chain) -> {
            long start = System.nanoTime();
            try {
                chain.doFilter(request, response);
            } finally {
                if (request instanceof HttpServletRequest http
                        && "POST".equals(http.getMethod())
                        && http.getQueryString() != null
                        && http.getQueryString().contains("v-r=uidl")) {
                    REQUESTS.add(new Request(start, System.nanoTime()));
                }
            }
        });
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE);
        bean.addUrlPatterns("/*");
        return bean;
    }

    /**
     * The finished UIDL requests that arrived between {@code from} and {@code to} (nanoTime). A request is recorded
     * once its filter returns, which can be a moment after the browser has read the answer.
     */
    static List<Request> arrivedBetween(long from, long to) {
        List<Request> found = new ArrayList<>();
        for (Request r : REQUESTS) {
            if (r.start() >= from && r.start() <= to) {
                found.add(r);
            }
        }
        return found;
    }
}
