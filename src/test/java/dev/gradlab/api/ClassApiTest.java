package dev.gradlab.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gradlab.classroom.ClassService;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@SpringBootTest
@AutoConfigureMockMvc
class ClassApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ClassService classes;

    private final ObjectMapper json = new ObjectMapper();
    private String ann;
    private String bob;

    @BeforeEach
    void twoInstructors() throws Exception {
        ann = "ann-" + UUID.randomUUID().toString().substring(0, 8);
        bob = "bob-" + UUID.randomUUID().toString().substring(0, 8);
        for (String name : new String[] {ann, bob}) {
            mvc.perform(post("/api/users")
                            .with(httpBasic("admin", ApiTest.ADMIN_PASSWORD))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"username\": \"" + name + "\", \"password\": \"" + name + "-secret\"}"))
                    .andExpect(status().isCreated());
        }
    }

    private ResultActions call(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            String user,
            String body)
            throws Exception {
        return mvc.perform(request.with(httpBasic(user, user + "-secret"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private String start(String user, String scenario) throws Exception {
        String text = call(post("/api/classes"), user, "{\"scenario\": \"" + scenario + "\", \"pace\": \"instructor\"}")
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        JsonNode created = json.readTree(text);
        String code = created.get("code").asText();
        assertThat(created.get("url").asText()).isEqualTo("/join/" + code);
        return code;
    }

    @Test
    void an_instructor_runs_a_class_through_the_api_from_start_to_end() throws Exception {
        String code = start(ann, "gd-by-hand");
        assertThat(code).matches("[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{6}");
        call(post("/api/classes/" + code + "/step"), ann, "{\"step\": 1}").andExpect(status().isOk());

        String posed = call(
                        post("/api/classes/" + code + "/questions"),
                        ann,
                        "{\"kind\": \"number\", \"step\": 2, \"strategy\": \"summed\", \"param\": \"theta\", \"index\": 0}")
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = json.readTree(posed).get("id").asText();
        String student = classes.join(code, "Ada").token();
        classes.answer(code, student, Long.parseLong(id), "5"); // summed: 10 − 2 − (2 + 1)

        mvc.perform(get("/api/classes/" + code).with(httpBasic(ann, ann + "-secret")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.students").value(1))
                .andExpect(jsonPath("$.step").value(1))
                .andExpect(jsonPath("$.questions[0].id").value(id))
                .andExpect(jsonPath("$.questions[0].answered").value(1))
                .andExpect(jsonPath("$.questions[0].correct").value(1))
                .andExpect(jsonPath("$.questions[0].revealed").value(false))
                .andExpect(jsonPath("$.questions[0].answers[0]").value("5"));

        call(post("/api/classes/" + code + "/questions/" + id + "/reveal"), ann, "")
                .andExpect(status().isOk());
        mvc.perform(get("/api/classes/" + code).with(httpBasic(ann, ann + "-secret")))
                .andExpect(jsonPath("$.questions[0].revealed").value(true));

        call(post("/api/classes/" + code + "/questions"), ann, "{\"id\": \"gd-smallest-theta\"}")
                .andExpect(status().isCreated());
        call(
                        post("/api/classes/" + code + "/questions"),
                        ann,
                        "{\"kind\": \"choice\", \"prompt\": \"Ready?\", \"options\": [\"yes\", \"no\"]}")
                .andExpect(status().isCreated());
        mvc.perform(get("/api/classes/" + code).with(httpBasic(ann, ann + "-secret")))
                .andExpect(jsonPath("$.questions[2].correct").doesNotExist());

        mvc.perform(delete("/api/classes/" + code).with(httpBasic(ann, ann + "-secret")))
                .andExpect(status().isOk());
        call(post("/api/classes/" + code + "/step"), ann, "{\"step\": 2}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value("class " + code + " has ended"));
    }

    @Test
    void a_saved_scenarios_own_question_is_posed_by_its_id() throws Exception {
        String saved = mvc.perform(post("/api/scenarios?visibility=private")
                        .with(httpBasic(ann, ann + "-secret"))
                        .contentType("application/yaml")
                        .content("""
                                id: api-questions
                                title: API questions
                                kind: manual
                                learningRate: 1
                                params: {theta: 10}
                                gradients: [{theta: 2}, {theta: 1}]
                                questions:
                                  - id: theta-zeroed-2
                                    kind: number
                                    step: 2
                                    strategy: zeroed
                                    param: theta
                                    prompt: {en: "θ after step 2?", zh-TW: "第 2 步之後的 θ？"}
                                """))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String code = start(ann, json.readTree(saved).get("slug").asText());
        String posed = call(post("/api/classes/" + code + "/questions"), ann, "{\"id\": \"theta-zeroed-2\"}")
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = json.readTree(posed).get("id").asText();
        String right = classes.join(code, null).token();
        String wrong = classes.join(code, null).token();
        classes.answer(code, right, Long.parseLong(id), "7"); // zeroed: 10 − 2 − 1
        classes.answer(code, wrong, Long.parseLong(id), "5"); // what summed would give
        mvc.perform(get("/api/classes/" + code).with(httpBasic(ann, ann + "-secret")))
                .andExpect(jsonPath("$.questions[0].id").value(id))
                .andExpect(jsonPath("$.questions[0].answered").value(2))
                .andExpect(jsonPath("$.questions[0].correct").value(1));
        call(post("/api/classes/" + code + "/questions"), ann, "{\"id\": \"theta-summed-step-3\"}")
                .andExpect(status().isNotFound()) // gd-by-hand's question, not this scenario's
                .andExpect(jsonPath("$.error")
                        .value("no question 'theta-summed-step-3' among the built-in ones or this scenario's"));
    }

    @Test
    void another_instructor_gets_403_on_every_call() throws Exception {
        String code = start(ann, "gd-by-hand");
        String forbidden = "class " + code + " belongs to another instructor";
        call(post("/api/classes/" + code + "/step"), bob, "{\"step\": 1}")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value(forbidden));
        call(post("/api/classes/" + code + "/questions"), bob, "{\"id\": \"gd-smallest-theta\"}")
                .andExpect(status().isForbidden());
        call(post("/api/classes/" + code + "/questions/1/reveal"), bob, "").andExpect(status().isForbidden());
        mvc.perform(get("/api/classes/" + code).with(httpBasic(bob, bob + "-secret")))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/classes/" + code).with(httpBasic(bob, bob + "-secret")))
                .andExpect(status().isForbidden());
    }

    @Test
    void an_unknown_code_or_question_is_404() throws Exception {
        mvc.perform(get("/api/classes/ZZZZZZ").with(httpBasic(ann, ann + "-secret")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("no class with code 'ZZZZZZ'"));
        call(post("/api/classes/ZZZZZZ/step"), ann, "{\"step\": 1}").andExpect(status().isNotFound());
        String code = start(ann, "gd-by-hand");
        call(post("/api/classes/" + code + "/questions/999999/reveal"), ann, "")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("no question 999999 in class " + code));
        call(post("/api/classes"), ann, "{\"scenario\": \"no-such\"}")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("no scenario 'no-such'"));
    }

    @Test
    void a_step_out_of_range_or_a_bad_body_is_400_with_one_line() throws Exception {
        String code = start(ann, "gd-by-hand");
        call(post("/api/classes/" + code + "/step"), ann, "{\"step\": 4}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("step must be between 0 and 3 (the scenario's batches), found 4"));
        call(post("/api/classes/" + code + "/step"), ann, "{}").andExpect(status().isBadRequest());
        call(post("/api/classes/" + code + "/step"), ann, "not json").andExpect(status().isBadRequest());
        call(post("/api/classes"), ann, "{\"scenario\": \"gd-by-hand\", \"pace\": \"fast\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("pace must be \"instructor\" or \"student\", found 'fast'"));
        call(post("/api/classes/" + code + "/questions"), ann, "{\"kind\": \"number\", \"step\": \"two\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("step must be a whole number, found two"));
    }

    @Test
    void without_credentials_the_class_api_is_401() throws Exception {
        mvc.perform(post("/api/classes").contentType(MediaType.APPLICATION_JSON).content("{\"scenario\": \"x\"}"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/classes/ZZZZZZ")).andExpect(status().isUnauthorized());
    }
}
