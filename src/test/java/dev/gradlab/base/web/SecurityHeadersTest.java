package dev.gradlab.base.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

    @Test
    void only_an_embed_true_query_parameter_makes_an_embed_request() {
        assertThat(SecurityHeaders.isEmbed("embed=true")).isTrue();
        assertThat(SecurityHeaders.isEmbed("step=2&embed=true")).isTrue();
        assertThat(SecurityHeaders.isEmbed("embed=true&step=2")).isTrue();
        assertThat(SecurityHeaders.isEmbed(null)).isFalse();
        assertThat(SecurityHeaders.isEmbed("embed=false")).isFalse();
        assertThat(SecurityHeaders.isEmbed("noembed=true")).isFalse();
        assertThat(SecurityHeaders.isEmbed("embed=truest")).isFalse();
    }

    @Test
    void embed_pages_get_the_configured_frame_ancestors_and_other_pages_self() {
        SecurityHeaders headers = new SecurityHeaders("'self' https://course.example.edu", false);
        assertThat(headers.policy("embed=true")).endsWith("frame-ancestors 'self' https://course.example.edu");
        assertThat(headers.policy("step=3")).endsWith("frame-ancestors 'self'");
        assertThat(headers.policy(null)).doesNotContain("ws:");
    }

    @Test
    void development_mode_allows_the_live_reload_socket() {
        assertThat(new SecurityHeaders("'self'", true).policy(null)).contains("connect-src 'self' ws: wss:");
    }

    @Test
    void a_frame_ancestors_setting_that_would_add_a_directive_is_refused_with_one_line() {
        assertThatThrownBy(() -> new SecurityHeaders("'self'; script-src *", false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("gradlab.embed.frame-ancestors must be a list of CSP sources");
        assertThatThrownBy(() -> new SecurityHeaders(" ", false)).isInstanceOf(IllegalArgumentException.class);
    }
}
