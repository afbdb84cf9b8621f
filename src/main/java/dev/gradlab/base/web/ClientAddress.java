package dev.gradlab.base.web;

import jakarta.servlet.ServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * The address a request comes from: {@link ServletRequest#getRemoteAddr()}. Behind a proxy that is the proxy's
 * address, unless {@code server.forward-headers-strategy} is configured ({@code native} or {@code framework}), in which
 * case the server replaces it with the client's from {@code X-Forwarded-For}; without that setting the header is
 * ignored, so a client cannot choose its own address.
 */
public final class ClientAddress {

    private ClientAddress() {}

    /** "unknown" when there is no request (e.g. a background thread). */
    public static String of(@Nullable ServletRequest request) {
        String a = request == null ? null : request.getRemoteAddr();
        return a == null || a.isBlank() ? "unknown" : a;
    }
}
