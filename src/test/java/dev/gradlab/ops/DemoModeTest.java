package dev.gradlab.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradlab.scenario.store.SavedScenario;
import dev.gradlab.scenario.store.ScenarioStore;
import dev.gradlab.scenario.store.Visibility;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The real server in demo mode, asked over HTTP as a visitor (and with the admin's password, which must not work). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "gradlab.demo=true")
class DemoModeTest {

    static final String SCENARIO = """
            id: by-hand
            title: {en: "By hand", zh-TW: "手算"}
            kind: manual
            learningRate: 1
            strategies: [zeroed, summed]
            params: {theta: 10}
            gradients:
              - {theta: 2}
              - {theta: 1}
            """;

    @LocalServerPort
    int port;

    @Autowired
    ScenarioStore store;

    @Autowired
    DataSource dataSource;

    @Autowired
    dev.gradlab.account.Accounts accounts;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private int status(String method, String path) throws Exception {
        String basic =
                Base64.getEncoder().encodeToString("admin:admin-password-for-tests".getBytes(StandardCharsets.UTF_8));
        return http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .timeout(Duration.ofSeconds(60))
                                // reads as a visitor; writes with the admin's password (which the demo never created)
                                .header("Authorization", method.equals("GET") ? "None" : "Basic " + basic)
                                .header("Content-Type", "application/yaml")
                                .method(
                                        method,
                                        method.equals("GET")
                                                ? HttpRequest.BodyPublishers.noBody()
                                                : HttpRequest.BodyPublishers.ofString(SCENARIO))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @Test
    void sign_in_and_everything_behind_it_is_not_found() throws Exception {
        for (String path : new String[] {"/login", "/account", "/admin/users", "/logout"}) {
            assertThat(status("GET", path)).as(path).isEqualTo(404);
        }
        assertThat(status("POST", "/login")).isEqualTo(404);
    }

    @Test
    void the_apis_writes_are_not_found_even_with_the_admins_password() throws Exception {
        assertThat(status("POST", "/api/scenarios?visibility=public")).isEqualTo(404);
        assertThat(status("POST", "/api/users")).isEqualTo(404);
        assertThat(status("PUT", "/api/scenarios/gd-by-hand")).isEqualTo(404);
        assertThat(status("DELETE", "/api/scenarios/gd-by-hand")).isEqualTo(404);
        assertThat(status("POST", "/api/scenarios/gd-by-hand/fork")).isEqualTo(404);
    }

    @Test
    @org.springframework.security.test.context.support.WithMockUser(roles = "ADMIN") // to create the owner directly
    void built_ins_and_public_scenarios_are_served_and_unlisted_or_private_ones_are_not_found() throws Exception {
        // saved behind the demo's back (as an earlier, non-demo run of the same database would have)
        accounts.createInstructor("ann", "ann-password-1");
        SavedScenario unlisted = store.create("ann", SCENARIO, Visibility.UNLISTED);
        SavedScenario hidden = store.create("ann", SCENARIO, Visibility.PRIVATE);
        SavedScenario listed = store.create("ann", SCENARIO, Visibility.PUBLIC);

        assertThat(status("GET", "/api/scenarios/gd-by-hand")).isEqualTo(200);
        assertThat(status("GET", "/api/scenarios/" + listed.slug())).isEqualTo(200);
        assertThat(status("GET", "/api/scenarios/" + unlisted.slug())).isEqualTo(404);
        assertThat(status("GET", "/api/scenarios/" + unlisted.slug() + "/run")).isEqualTo(404);
        assertThat(status("GET", "/api/scenarios/" + hidden.slug())).isEqualTo(404);
        // the Lab's /s/{slug} asks the same store, for its owner too
        assertThat(store.findVisible("ann", unlisted.slug())).isEmpty();
        assertThat(store.findVisible("ann", hidden.slug())).isEmpty();
        assertThat(store.findVisible(null, listed.slug())).isPresent();
    }

    @Test
    void the_start_wrote_no_admin_account_to_the_database() {
        Integer users = new JdbcTemplate(dataSource)
                .queryForObject("select count(*) from users where username = 'admin'", Integer.class);
        assertThat(users).isZero();
    }

    @Test
    void only_get_head_and_options_of_the_api_pass_and_only_sign_in_pages_are_hidden() {
        assertThat(DemoMode.hidden("GET", "/api/scenarios/x")).isFalse();
        assertThat(DemoMode.hidden("PATCH", "/api/scenarios/x")).isTrue();
        assertThat(DemoMode.hidden("GET", "/admin")).isTrue();
        assertThat(DemoMode.hidden("GET", "/edit/new")).isTrue();
        assertThat(DemoMode.hidden("GET", "/lab/gd-by-hand")).isFalse();
        assertThat(DemoMode.hidden("GET", "/loginx")).isFalse();
        // the instructor's pages go with sign-in; the students' class pages stay
        assertThat(DemoMode.hidden("GET", "/my")).isTrue();
        assertThat(DemoMode.hidden("GET", "/classes")).isTrue();
        assertThat(DemoMode.hidden("GET", "/classes/ABCDEF")).isTrue();
        assertThat(DemoMode.hidden("GET", "/class/ABCDEF")).isFalse();
        assertThat(DemoMode.hidden("GET", "/join/ABCDEF")).isFalse();
    }
}
