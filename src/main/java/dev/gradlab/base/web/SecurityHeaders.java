package dev.gradlab.base.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Security headers on every response, pages, Vaadin's requests, static files and errors alike: a Content-Security-Policy
 * that Vaadin works under, {@code X-Content-Type-Options: nosniff}, {@code Referrer-Policy} and who may frame the page.
 * A page asked for with {@code embed=true} in its query may be framed by {@code gradlab.embed.frame-ancestors} (and gets
 * no {@code X-Frame-Options}, so that {@code frame-ancestors} alone governs); every other response only by GradLab
 * itself ({@code frame-ancestors 'self'}, {@code X-Frame-Options: SAMEORIGIN}).
 *
 * <p>Why the policy allows what it allows: Vaadin's bootstrap page carries inline scripts and its client runs the
 * server's JavaScript with {@code new Function} ({@code 'unsafe-inline' 'unsafe-eval'} for scripts); its components and
 * ApexCharts set inline styles ({@code 'unsafe-inline'} for styles); the charts and KaTeX use {@code data:} images and
 * fonts. In development mode the dev tools' live-reload socket also needs {@code ws:}/{@code wss:}. A plain servlet
 * filter: {@code dev.gradlab.GradlabBeans} registers it first of all.
 */
public class SecurityHeaders extends HttpFilter {

    private static final Pattern EMBED = Pattern.compile("(^|&)embed=true(&|$)");
    /** A source list may hold only these characters: no header injection, no second directive. */
    private static final Pattern SOURCES = Pattern.compile("[A-Za-z0-9 '*:/._\\-]+");

    private final String policy;
    private final String embedPolicy;

    /**
     * @param embedFrameAncestors the {@code frame-ancestors} sources of embed pages, e.g.
     *                            {@code 'self' https://course.example.edu}
     * @param developmentMode     whether Vaadin runs in development mode (its live reload needs web sockets)
     */
    public SecurityHeaders(String embedFrameAncestors, boolean developmentMode) {
        String sources = embedFrameAncestors.strip();
        if (sources.isEmpty() || !SOURCES.matcher(sources).matches()) {
            throw new IllegalArgumentException("gradlab.embed.frame-ancestors must be a list of CSP sources such as"
                    + " 'self' https://course.example.edu, got: " + embedFrameAncestors);
        }
        String base = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
                + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
                + "connect-src 'self'" + (developmentMode ? " ws: wss:" : "") + "; object-src 'none'; "
                + "base-uri 'self'; form-action 'self'; frame-ancestors ";
        this.policy = base + "'self'";
        this.embedPolicy = base + sources;
    }

    /** The policy a response to a request with this query string gets. */
    String policy(@org.jspecify.annotations.Nullable String query) {
        return isEmbed(query) ? embedPolicy : policy;
    }

    static boolean isEmbed(@org.jspecify.annotations.Nullable String query) {
        return query != null && EMBED.matcher(query).find();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean embed = isEmbed(request.getQueryString());
        response.setHeader("Content-Security-Policy", embed ? embedPolicy : policy);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        if (!embed) {
            response.setHeader("X-Frame-Options", "SAMEORIGIN");
        }
        chain.doFilter(request, response);
    }
}
