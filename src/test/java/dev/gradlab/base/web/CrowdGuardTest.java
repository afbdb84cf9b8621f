package dev.gradlab.base.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

class CrowdGuardTest {

    private static MockHttpServletResponse get(CrowdGuard guard, String address, MockHttpSession session)
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/lab/spiral-mlp");
        request.setRemoteAddr(address);
        if (session != null) {
            request.setSession(session);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        guard.doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void one_address_opening_sessions_too_fast_is_refused_politely_while_others_and_existing_sessions_pass()
            throws Exception {
        CrowdGuard guard = new CrowdGuard(1000, 5, Duration.ofMinutes(2), Duration.ofMinutes(30));
        for (int i = 0; i < 5; i++) {
            assertThat(get(guard, "10.0.0.1", null).getStatus()).isEqualTo(200);
        }
        MockHttpServletResponse refused = get(guard, "10.0.0.1", null);
        assertThat(refused.getStatus()).isEqualTo(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("60");
        assertThat(refused.getContentAsString()).contains("The class is full", "try again in a minute");
        assertThat(get(guard, "10.0.0.2", null).getStatus()).isEqualTo(200);
        assertThat(get(guard, "10.0.0.1", new MockHttpSession()).getStatus()).isEqualTo(200);
    }

    @Test
    void once_the_session_cap_is_reached_new_visitors_get_the_full_page_and_existing_sessions_still_pass()
            throws Exception {
        CrowdGuard guard = new CrowdGuard(2, 100, Duration.ofMinutes(2), Duration.ofMinutes(30));
        MockHttpSession a = new MockHttpSession();
        MockHttpSession b = new MockHttpSession();
        guard.sessionCreated(new jakarta.servlet.http.HttpSessionEvent(a));
        guard.sessionCreated(new jakarta.servlet.http.HttpSessionEvent(b));
        assertThat(a.getMaxInactiveInterval()).isEqualTo(120); // untouched: two minutes

        assertThat(get(guard, "10.0.0.3", null).getStatus()).isEqualTo(503);
        assertThat(get(guard, "10.0.0.1", a).getStatus()).isEqualTo(200);
        assertThat(a.getMaxInactiveInterval()).isEqualTo(30 * 60); // heard from again: the usual timeout

        guard.sessionDestroyed(new jakarta.servlet.http.HttpSessionEvent(b));
        assertThat(get(guard, "10.0.0.3", null).getStatus()).isEqualTo(200);
    }

    @Test
    void static_files_and_the_api_never_count_as_new_sessions() {
        MockHttpServletRequest bundle = new MockHttpServletRequest("GET", "/VAADIN/build/index-abc.js");
        MockHttpServletRequest icon = new MockHttpServletRequest("GET", "/icons/icon.png");
        MockHttpServletRequest page = new MockHttpServletRequest("GET", "/lessons/zero-grad");
        MockHttpServletRequest push = new MockHttpServletRequest("GET", "/VAADIN/push");
        MockHttpServletRequest api = new MockHttpServletRequest("POST", "/api/scenarios");
        assertThat(CrowdGuard.createsSession(api)).isFalse(); // stateless, throttled by its own sign-in limit
        assertThat(CrowdGuard.createsSession(bundle)).isFalse();
        assertThat(CrowdGuard.createsSession(icon)).isFalse();
        assertThat(CrowdGuard.createsSession(page)).isTrue();
        assertThat(CrowdGuard.createsSession(push)).isTrue();
    }

    @Test
    void the_full_page_speaks_the_visitors_language() {
        assertThat(CrowdGuard.page(Locale.forLanguageTag("zh-TW"))).contains("教室已滿", "lang=\"zh-TW\"");
        assertThat(CrowdGuard.page(Locale.ENGLISH)).contains("The class is full", "lang=\"en\"");
    }

    @Test
    void the_default_cap_is_one_session_per_megabyte_of_heap() {
        assertThat(CrowdGuard.defaultMaxSessions(1024L * 1024 * 1024)).isEqualTo(1024 - 256);
        assertThat(CrowdGuard.defaultMaxSessions(512L * 1024 * 1024)).isEqualTo(512 - 256);
        assertThat(CrowdGuard.defaultMaxSessions(1024 * 1024)).isEqualTo(10);
    }
}
