package dev.gradlab.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gradlab.account.MutableClock;
import dev.gradlab.account.SignInThrottledException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.security.web.WebAttributes;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultMatcher;

@SpringBootTest
@AutoConfigureMockMvc
class ApiTest {

    static final String ADMIN_PASSWORD = "admin-password-for-tests";
    static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    /**
     * Makes the instructor {@code user} (password {@code user + "-secret"}) through the API and saves the built-in
     * {@code xor-mlp} file as theirs, unlisted; returns its slug.
     */
    static String savedXorScenario(MockMvc mvc, String user) throws Exception {
        mvc.perform(post("/api/users")
                        .with(httpBasic("admin", ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\": \"" + user + "\", \"password\": \"" + user + "-secret\"}"))
                .andExpect(status().isCreated());
        String xor = java.nio.file.Files.readString(java.nio.file.Path.of("src/main/resources/scenarios/xor-mlp.yaml"));
        String created = mvc.perform(post("/api/scenarios?visibility=unlisted")
                        .with(httpBasic(user, user + "-secret"))
                        .contentType(YAML)
                        .content(xor))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(created)
                .get("slug")
                .asText();
    }

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
              - {theta: -1}
            """;

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(Instant.parse("2026-01-01T08:00:00Z"));
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    @Autowired
    Clock injected;

    private final ObjectMapper json = new ObjectMapper();
    private String ann;
    private String bob;

    @BeforeEach
    void twoInstructors() throws Exception {
        ann = "ann-" + UUID.randomUUID().toString().substring(0, 8);
        bob = "bob-" + UUID.randomUUID().toString().substring(0, 8);
        createUser(ann).andExpect(status().isCreated());
        createUser(bob).andExpect(status().isCreated());
    }

    private org.springframework.test.web.servlet.ResultActions createUser(String name) throws Exception {
        return mvc.perform(post("/api/users")
                .with(httpBasic("admin", ADMIN_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\": \"" + name + "\", \"password\": \"" + name + "-secret\"}"));
    }

    private JsonNode save(String user, String text, String visibility) throws Exception {
        MvcResult r = mvc.perform(post("/api/scenarios?visibility=" + visibility)
                        .with(httpBasic(user, user + "-secret"))
                        .contentType(YAML)
                        .content(text))
                .andExpect(status().isCreated())
                .andReturn();
        return json.readTree(r.getResponse().getContentAsString());
    }

    private static ResultMatcher error(String text) {
        return jsonPath("$.error").value(text);
    }

    @Test
    void the_test_clock_is_the_one_the_app_uses() {
        assertThat(injected).isSameAs(clock);
    }

    @Test
    void a_saved_scenario_reads_back_as_the_same_text_with_its_version_as_etag() throws Exception {
        JsonNode created = save(ann, SCENARIO, "unlisted");
        String slug = created.get("slug").asText();
        assertThat(slug).matches("[a-z2-7]{10}");
        assertThat(created.get("url").asText()).isEqualTo("/s/" + slug);
        long version = created.get("version").asLong();

        MvcResult r = mvc.perform(get("/api/scenarios/" + slug))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"" + version + "\""))
                .andReturn();
        assertThat(r.getResponse().getContentAsString()).isEqualTo(SCENARIO);
    }

    @Test
    void an_invalid_scenario_is_refused_with_the_parsers_one_line() throws Exception {
        String bad = SCENARIO.replace("learningRate: 1", "learningRate: -1");
        mvc.perform(post("/api/scenarios?visibility=private")
                        .with(httpBasic(ann, ann + "-secret"))
                        .contentType(YAML)
                        .content(bad))
                .andExpect(status().isBadRequest())
                .andExpect(error("scenario.yaml: line 4, learningRate: the learning rate must be >= 0, found -1.0"));
    }

    @Test
    void writing_without_credentials_is_401_and_wrong_credentials_too() throws Exception {
        mvc.perform(post("/api/scenarios").contentType(YAML).content(SCENARIO))
                .andExpect(status().isUnauthorized())
                .andExpect(header().exists("WWW-Authenticate"))
                .andExpect(jsonPath("$.error").isString());
        mvc.perform(post("/api/scenarios")
                        .with(httpBasic(ann, "wrong-password"))
                        .contentType(YAML)
                        .content(SCENARIO))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void only_the_admin_creates_users_and_a_duplicate_is_409() throws Exception {
        mvc.perform(post("/api/users")
                        .with(httpBasic(ann, ann + "-secret"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\": \"carl\", \"password\": \"carl-secret\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").isString());
        createUser(ann).andExpect(status().isConflict()).andExpect(error("user '" + ann + "' already exists"));
    }

    @Test
    void another_instructor_can_read_an_unlisted_scenario_but_not_change_or_delete_it() throws Exception {
        JsonNode created = save(ann, SCENARIO, "unlisted");
        String slug = created.get("slug").asText();
        String v = created.get("version").asText();
        mvc.perform(get("/api/scenarios/" + slug).with(httpBasic(bob, bob + "-secret")))
                .andExpect(status().isOk());
        mvc.perform(put("/api/scenarios/" + slug)
                        .with(httpBasic(bob, bob + "-secret"))
                        .header("If-Match", v)
                        .contentType(YAML)
                        .content(SCENARIO))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").isString());
        mvc.perform(delete("/api/scenarios/" + slug)
                        .with(httpBasic(bob, bob + "-secret"))
                        .header("If-Match", v))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/scenarios/" + slug)).andExpect(status().isOk());
    }

    @Test
    void a_private_scenario_is_not_found_for_anyone_but_its_owner() throws Exception {
        String slug = save(ann, SCENARIO, "private").get("slug").asText();
        mvc.perform(get("/api/scenarios/" + slug))
                .andExpect(status().isNotFound())
                .andExpect(error("no scenario '" + slug + "'"));
        mvc.perform(get("/api/scenarios/" + slug).with(httpBasic(bob, bob + "-secret")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/scenarios/" + slug).with(httpBasic(ann, ann + "-secret")))
                .andExpect(status().isOk());
    }

    @Test
    void a_save_against_a_stale_version_is_409_and_the_newer_text_survives() throws Exception {
        JsonNode created = save(ann, SCENARIO, "private");
        String slug = created.get("slug").asText();
        long opened = created.get("version").asLong();
        String first = SCENARIO.replace("By hand", "First edit");
        MvcResult r = mvc.perform(put("/api/scenarios/" + slug)
                        .with(httpBasic(ann, ann + "-secret"))
                        .header("If-Match", String.valueOf(opened))
                        .contentType(YAML)
                        .content(first))
                .andExpect(status().isOk())
                .andReturn();
        assertThat(json.readTree(r.getResponse().getContentAsString())
                        .get("version")
                        .asLong())
                .isEqualTo(opened + 1);

        mvc.perform(put("/api/scenarios/" + slug)
                        .with(httpBasic(ann, ann + "-secret"))
                        .header("If-Match", String.valueOf(opened))
                        .contentType(YAML)
                        .content(SCENARIO.replace("By hand", "Second edit")))
                .andExpect(status().isConflict())
                .andExpect(error("changed by someone else since you opened it"));
        MvcResult back = mvc.perform(get("/api/scenarios/" + slug).with(httpBasic(ann, ann + "-secret")))
                .andReturn();
        assertThat(back.getResponse().getContentAsString()).isEqualTo(first);
    }

    @Test
    void delete_is_204_and_then_the_slug_is_gone() throws Exception {
        JsonNode created = save(ann, SCENARIO, "public");
        String slug = created.get("slug").asText();
        mvc.perform(delete("/api/scenarios/" + slug)
                        .with(httpBasic(ann, ann + "-secret"))
                        .header("If-Match", created.get("version").asText()))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/scenarios/" + slug)).andExpect(status().isNotFound());
        mvc.perform(delete("/api/scenarios/" + slug)
                        .with(httpBasic(ann, ann + "-secret"))
                        .header("If-Match", "0"))
                .andExpect(status().isNotFound());
    }

    @Test
    void built_ins_are_readable_read_only_and_forkable_into_a_private_copy() throws Exception {
        mvc.perform(get("/api/scenarios/gd-by-hand")).andExpect(status().isOk());
        mvc.perform(put("/api/scenarios/gd-by-hand")
                        .with(httpBasic(ann, ann + "-secret"))
                        .header("If-Match", "0")
                        .contentType(YAML)
                        .content(SCENARIO))
                .andExpect(status().isForbidden());
        MvcResult r = mvc.perform(post("/api/scenarios/gd-by-hand/fork").with(httpBasic(ann, ann + "-secret")))
                .andExpect(status().isCreated())
                .andReturn();
        String slug =
                json.readTree(r.getResponse().getContentAsString()).get("slug").asText();
        mvc.perform(get("/api/scenarios/" + slug)).andExpect(status().isNotFound());
        mvc.perform(get("/api/scenarios?mine=true").with(httpBasic(ann, ann + "-secret")))
                .andExpect(jsonPath("$[0].slug").value(slug))
                .andExpect(jsonPath("$[0].id").value("gd-by-hand"))
                .andExpect(jsonPath("$[0].visibility").value("private"))
                .andExpect(jsonPath("$[0].kind").value("manual"));
    }

    @Test
    void run_prints_the_hand_computed_parameters_of_each_strategy() throws Exception {
        String slug = save(ann, SCENARIO, "unlisted").get("slug").asText();
        MvcResult r = mvc.perform(get("/api/scenarios/" + slug + "/run"))
                .andExpect(status().isOk())
                .andReturn();
        JsonNode runs = json.readTree(r.getResponse().getContentAsString()).get("runs");
        // θ = 10, η = 1, gradients 2, 1, −1. zeroed: 8, 7, 8. summed (.grad 2, 3, 2): 8, 5, 3.
        assertThat(runs.get(0).get("strategy").asText()).isEqualTo("zeroed");
        assertThat(runs.get(0).get("steps").findValues("theta").stream()
                        .filter(JsonNode::isArray)
                        .map(n -> n.get(0).asDouble())
                        .toList())
                .contains(8.0, 7.0);
        JsonNode summed = runs.get(1).get("steps");
        assertThat(summed.get(2).get("params").get("theta").get(0).asDouble()).isEqualTo(3.0);
        assertThat(summed.get(1).get("grad").get("theta").get(0).asDouble()).isEqualTo(3.0);
    }

    @Test
    void public_lists_public_scenarios_and_mine_needs_sign_in() throws Exception {
        String slug = save(ann, SCENARIO, "public").get("slug").asText();
        String hidden = save(ann, SCENARIO, "unlisted").get("slug").asText();
        MvcResult r = mvc.perform(get("/api/scenarios?public=true"))
                .andExpect(status().isOk())
                .andReturn();
        String body = r.getResponse().getContentAsString();
        assertThat(body).contains(slug).doesNotContain(hidden);
        mvc.perform(get("/api/scenarios?mine=true")).andExpect(status().isUnauthorized());
    }

    @Test
    void an_unknown_api_path_is_a_json_404() throws Exception {
        mvc.perform(get("/api/nothing-here")).andExpect(status().isNotFound()).andExpect(error("no such API path"));
    }

    @Test
    void a_body_over_one_megabyte_is_refused_in_json() throws Exception {
        String huge = SCENARIO + "#" + "x".repeat(1024 * 1024) + "\n";
        mvc.perform(post("/api/scenarios")
                        .with(httpBasic(ann, ann + "-secret"))
                        .contentType(YAML)
                        .content(huge))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(error("the request body is larger than 1 MB"));
    }

    @Test
    void the_sign_in_form_shares_the_throttle_and_the_login_page_learns_why() throws Exception {
        mvc.perform(formLogin("/login").user(ann).password(ann + "-secret"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/"));
        for (int i = 0; i < 10; i++) {
            mvc.perform(formLogin("/login").user(ann).password("guess-" + i))
                    .andExpect(header().string("Location", "/login?error"));
        }
        MvcResult refused = mvc.perform(formLogin("/login").user(ann).password(ann + "-secret"))
                .andExpect(header().string("Location", "/login?error"))
                .andReturn();
        assertThat(refused.getRequest().getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION))
                .isInstanceOf(SignInThrottledException.class);
        mvc.perform(get("/api/scenarios?mine=true").with(httpBasic(ann, ann + "-secret")))
                .andExpect(status().isTooManyRequests());
    }

    @Test
    void ten_wrong_passwords_lock_the_user_out_even_with_the_right_one_until_the_window_passes() throws Exception {
        for (int i = 0; i < 10; i++) {
            mvc.perform(get("/api/scenarios?mine=true").with(httpBasic(bob, "guess-" + i)))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/scenarios?mine=true").with(httpBasic(bob, bob + "-secret")))
                .andExpect(status().isTooManyRequests())
                .andExpect(error("too many failed sign-ins for this user: wait up to 15 minutes, then try again"));
        mvc.perform(get("/api/scenarios?mine=true").with(httpBasic(ann, ann + "-secret")))
                .andExpect(status().isOk());
        clock.advance(Duration.ofMinutes(15));
        mvc.perform(get("/api/scenarios?mine=true").with(httpBasic(bob, bob + "-secret")))
                .andExpect(status().isOk());
    }
}
