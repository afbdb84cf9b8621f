package dev.gradlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gradlab.account.Accounts;
import dev.gradlab.account.MutableClock;
import dev.gradlab.classroom.events.ClassEvents;
import dev.gradlab.classroom.events.InProcessClassEvents;
import dev.gradlab.lab.LabService;
import dev.gradlab.scenario.store.ScenarioStore;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The class rules, written once and run on each database: H2 ({@link ClassServiceH2Test}) and PostgreSQL
 * ({@link ClassServicePostgresTest}). Real repositories, real migrations, the real engine; every call commits (no
 * test transaction), as it does in the app, so the after-commit signals are real too. Expected numbers are worked
 * out by hand from the scenario files.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import({
    ClassService.class,
    ScenarioStore.class,
    Accounts.class,
    ClassServiceContract.Beans.class,
    dev.gradlab.account.AccountTestBeans.class
})
@TestPropertySource(properties = {"gradlab.class.max-students=3", "gradlab.class.max-hours=4"})
abstract class ClassServiceContract {

    @TestConfiguration
    static class Beans {
        @Bean
        LabService labService() {
            return new LabService();
        }

        @Bean
        ClassEvents classEvents() {
            return new InProcessClassEvents();
        }
    }

    @Autowired
    ClassService classes;

    @Autowired
    Accounts accounts;

    @Autowired
    ClassEvents events;

    @Autowired
    MutableClock clock;

    @Autowired
    StudentRowRepository studentRows;

    @Autowired
    ScenarioStore store;

    String ann;
    String bob;

    @BeforeEach
    void users() {
        ann = "ann-" + UUID.randomUUID().toString().substring(0, 8);
        bob = "bob-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createInstructor(ann, "password-1");
        accounts.createInstructor(bob, "password-2");
    }

    @Test
    void a_new_class_has_a_six_character_code_without_look_alike_letters_and_starts_at_step_0() {
        ClassService.Summary c = classes.start(ann, "gd-by-hand", Pace.INSTRUCTOR);
        assertThat(c.code()).matches("[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{6}");
        assertThat(c.step()).isZero();
        assertThat(c.totalSteps()).isEqualTo(3);
        assertThat(c.endsAt()).isEqualTo(c.created().plus(Duration.ofHours(4)));
        assertThat(classes.mine(ann)).extracting(ClassService.Summary::code).contains(c.code());
        assertThat(classes.mine(bob)).extracting(ClassService.Summary::code).doesNotContain(c.code());
    }

    @Test
    void a_scenario_the_instructor_cannot_see_or_a_model_scenario_starts_no_class() {
        assertThatThrownBy(() -> classes.start(ann, "no-such-scenario", Pace.STUDENT))
                .isInstanceOf(ClassException.class)
                .hasMessage("no scenario 'no-such-scenario'");
        assertThatThrownBy(() -> classes.start(ann, "xor-mlp", Pace.STUDENT))
                .hasMessageContaining("needs a manual or expression scenario");
    }

    @Test
    void only_the_owner_steps_poses_reveals_or_ends_and_an_unknown_code_is_not_found() {
        String code = classes.start(ann, "gd-by-hand", Pace.INSTRUCTOR).code();
        assertThatThrownBy(() -> classes.setStep(bob, code, 1))
                .isInstanceOf(ClassException.class)
                .hasMessage("class " + code + " belongs to another instructor")
                .extracting(e -> ((ClassException) e).reason())
                .isEqualTo(ClassException.Reason.FORBIDDEN);
        assertThatThrownBy(() -> classes.pose(bob, code, ClassService.QuestionSpec.builtIn("gd-summed-step-2")))
                .hasMessageContaining("another instructor");
        assertThatThrownBy(() -> classes.end(bob, code)).hasMessageContaining("another instructor");
        assertThatThrownBy(() -> classes.dashboard(bob, code)).hasMessageContaining("another instructor");
        assertThatThrownBy(() -> classes.setStep(ann, "ZZZZZZ", 1))
                .hasMessage("no class with code 'ZZZZZZ'")
                .extracting(e -> ((ClassException) e).reason())
                .isEqualTo(ClassException.Reason.NOT_FOUND);
    }

    @Test
    void the_step_is_bounded_by_the_scenarios_batches() {
        String code = classes.start(ann, "gd-by-hand", Pace.INSTRUCTOR).code();
        assertThat(classes.setStep(ann, code, 3).step()).isEqualTo(3);
        assertThatThrownBy(() -> classes.setStep(ann, code, 4))
                .hasMessage("step must be between 0 and 3 (the scenario's batches), found 4");
        assertThatThrownBy(() -> classes.setStep(ann, code, -1)).hasMessageContaining("found -1");
    }

    @Test
    void a_number_question_is_graded_against_the_hand_computed_value_and_hidden_until_the_reveal() {
        String code = classes.start(ann, "gd-by-hand", Pace.INSTRUCTOR).code();
        classes.setStep(ann, code, 1);
        // summed never zeroes: step 1 subtracts 2 (θ = 8), step 2 subtracts 2 + 1 (θ = 5)
        ClassService.Card q = classes.pose(ann, code, ClassService.QuestionSpec.number(2, "summed", "theta", 0));
        assertThat(Double.parseDouble(q.correct())).isEqualTo(5.0);
        ClassService.StudentPass right = classes.join(code, "Ada");
        ClassService.StudentPass wrong = classes.join(code.toLowerCase(java.util.Locale.ROOT), null);
        classes.answer(code, right.token(), q.id(), "5");
        classes.answer(code, wrong.token(), q.id(), "7"); // zeroed's θ after step 2: 10 − 2 − 1

        ClassService.StudentPage before = classes.page(code, right.token());
        assertThat(before.questions()).singleElement().satisfies(c -> {
            assertThat(c.correct()).isNull();
            assertThat(c.formula()).isNull();
            assertThat(c.myAnswer()).isEqualTo("5");
            assertThat(c.myCorrect()).isNull();
        });
        assertThat(before.step()).isEqualTo(1);
        assertThat(before.visibleThrough()).isEqualTo(1);

        ClassService.Tally tally = classes.dashboard(ann, code).tallies().get(0);
        assertThat(tally.answered()).isEqualTo(2);
        assertThat(tally.joined()).isEqualTo(2);
        assertThat(tally.correct()).isEqualTo(1);
        assertThat(tally.counts()).containsEntry("5", 1).containsEntry("7", 1);

        classes.reveal(ann, code, q.id());
        ClassService.Card after = classes.page(code, wrong.token()).questions().get(0);
        assertThat(Double.parseDouble(after.correct())).isEqualTo(5.0);
        assertThat(after.myCorrect()).isFalse();
        assertThat(after.formula()).isNotBlank();
        assertThat(classes.page(code, right.token()).questions().get(0).myCorrect())
                .isTrue();
    }

    @Test
    void a_held_back_step_stays_hidden_even_when_the_class_moves_past_it() {
        String code = classes.start(ann, "gd-by-hand", Pace.INSTRUCTOR).code();
        ClassService.Card q = classes.pose(ann, code, ClassService.QuestionSpec.number(2, "zeroed", "theta", 0));
        String token = classes.join(code, null).token();
        classes.setStep(ann, code, 3);
        assertThat(classes.page(code, token).visibleThrough()).isEqualTo(1);
        classes.reveal(ann, code, q.id());
        assertThat(classes.page(code, token).visibleThrough()).isEqualTo(3);
    }

    @Test
    void x_grad_after_the_third_backward_without_zero_grad_is_three_times_2x() {
        String code =
                classes.start(ann, "accumulate-x-squared", Pace.INSTRUCTOR).code();
        // y = sum(x²) with x = [1, 2, 3]: each backward adds 2x = [2, 4, 6]; after the third, x.grad[1] = 3 · 4
        ClassService.Card q = classes.pose(ann, code, ClassService.QuestionSpec.builtIn("x-grad-third-backward"));
        assertThat(Double.parseDouble(q.correct())).isEqualTo(12.0);
        ClassService.Card zeroed = classes.pose(ann, code, ClassService.QuestionSpec.number(3, "zeroed", "x.grad", 2));
        assertThat(Double.parseDouble(zeroed.correct())).isEqualTo(6.0);
    }

    @Test
    void a_scenario_files_own_questions_are_offered_first_and_posed_by_id_with_the_engines_value() {
        String code = classes.start(ann, "gd-by-hand", Pace.INSTRUCTOR).code();
        // gd-by-hand.yaml's questions: come first, then the built-ins that fit the scenario
        assertThat(classes.dashboard(ann, code).builtIns())
                .extracting(BuiltInQuestion::id)
                .startsWith("theta-summed-step-3", "grad-summed-step-3", "first-step-apart")
                .contains("gd-summed-step-2", "bug-misplaced-zero-grad");

        // summed: θ = 10 − 2 = 8, then 8 − (2 + 1) = 5, then 5 − (2 + 1 − 1) = 3
        ClassService.Card theta = classes.pose(ann, code, ClassService.QuestionSpec.builtIn("theta-summed-step-3"));
        assertThat(theta.kind()).isEqualTo(QuestionKind.NUMBER);
        assertThat(theta.step()).isEqualTo(3);
        assertThat(Double.parseDouble(theta.correct())).isEqualTo(3.0);
        assertThat(theta.prompt().in(java.util.Locale.TAIWAN)).contains("第 3 步之後 θ 是多少");
        // never zeroed, .grad holds every gradient so far: 2 + 1 − 1
        ClassService.Card grad = classes.pose(ann, code, ClassService.QuestionSpec.builtIn("grad-summed-step-3"));
        assertThat(Double.parseDouble(grad.correct())).isEqualTo(2.0);
        // step 1 subtracts 2 under both; step 2 gives zeroed 8 − 1 = 7, summed 8 − 3 = 5: option 1, "Step 2"
        ClassService.Card apart = classes.pose(ann, code, ClassService.QuestionSpec.builtIn("first-step-apart"));
        assertThat(apart.correct()).isEqualTo("1");
        assertThat(apart.options()).hasSize(4);

        String token = classes.join(code, null).token();
        classes.setStep(ann, code, 3);
        assertThat(classes.page(code, token).visibleThrough()).isEqualTo(2); // step 3 is asked: held back
        classes.answer(code, token, theta.id(), "3");
        classes.answer(code, token, apart.id(), "1");
        assertThatThrownBy(() -> classes.answer(code, token, grad.id(), "x")).hasMessage("'x' is not a number");
        classes.reveal(ann, code, theta.id());
        classes.reveal(ann, code, apart.id());
        assertThat(classes.page(code, token).questions())
                .filteredOn(c -> c.revealed())
                .extracting(ClassService.Card::myCorrect)
                .containsExactly(true, true);
        assertThat(classes.answersCsv(ann, code)).contains("Step 2");
    }

    @Test
    void a_choice_question_without_an_answer_in_a_saved_scenario_is_a_poll() {
        String slug = store.create(ann, """
                id: poll-test
                title: Poll
                kind: manual
                learningRate: 1
                params: {theta: 10}
                gradients: [{theta: 2}]
                questions:
                  - {id: poll, kind: choice, prompt: "Did you expect it?", options: ["yes", "no"]}
                  - {id: no-grad-requires-grad, kind: choice, prompt: "Mine, not the built-in", options: [a, b], answer: 0}
                """, dev.gradlab.scenario.store.Visibility.PRIVATE)
                .slug();
        String code = classes.start(ann, slug, Pace.INSTRUCTOR).code();
        ClassService.Card poll = classes.pose(ann, code, ClassService.QuestionSpec.builtIn("poll"));
        assertThat(poll.correct()).isEmpty();
        String token = classes.join(code, null).token();
        classes.answer(code, token, poll.id(), "0");
        assertThat(classes.dashboard(ann, code).tallies().get(0).correct()).isNull();
        // the scenario's question of the same id hides the built-in one
        ClassService.Card mine = classes.pose(ann, code, ClassService.QuestionSpec.builtIn("no-grad-requires-grad"));
        assertThat(mine.prompt().in(java.util.Locale.ENGLISH)).isEqualTo("Mine, not the built-in");
        assertThat(classes.dashboard(ann, code).builtIns())
                .filteredOn(q -> q.id().equals("no-grad-requires-grad"))
                .singleElement()
                .satisfies(q -> assertThat(q.options()).hasSize(2));
        assertThatThrownBy(() -> classes.pose(ann, code, ClassService.QuestionSpec.builtIn("no-such-question")))
                .hasMessage("no question 'no-such-question' among the built-in ones or this scenario's");
    }

    @Test
    void a_bad_question_gets_a_one_line_reason() {
        String code = classes.start(ann, "gd-by-hand", Pace.INSTRUCTOR).code();
        assertThatThrownBy(() -> classes.pose(ann, code, ClassService.QuestionSpec.number(4, "summed", "theta", 0)))
                .hasMessage("step must be between 1 and 3 (the scenario's batches), found 4");
        assertThatThrownBy(() -> classes.pose(ann, code, ClassService.QuestionSpec.number(1, "summed", "w", 0)))
                .hasMessageStartingWith("no parameter 'w' (parameters: theta");
        assertThatThrownBy(() -> classes.pose(ann, code, ClassService.QuestionSpec.number(1, "summed", "theta", 1)))
                .hasMessage("index must be between 0 and 0 for theta, found 1");
        assertThatThrownBy(() -> classes.pose(ann, code, ClassService.QuestionSpec.number(1, "magic", "theta", 0)))
                .hasMessageStartingWith("unknown gradient strategy 'magic'");
        assertThatThrownBy(
                        () -> classes.pose(ann, code, ClassService.QuestionSpec.choice("Which?", List.of("a"), null)))
                .hasMessageStartingWith("a choice question needs 2 to 10 options");
        assertThatThrownBy(() -> classes.pose(ann, code, ClassService.QuestionSpec.builtIn("x-grad-third-backward")))
                .hasMessageContaining("is about scenario 'accumulate-x-squared'");
    }

    @Test
    void a_student_answers_once_and_only_before_the_reveal() {
        String code = classes.start(ann, "gd-by-hand", Pace.INSTRUCTOR).code();
        ClassService.Card q =
                classes.pose(ann, code, ClassService.QuestionSpec.choice("Pick", List.of("a", "b", "c"), 2));
        String first = classes.join(code, null).token();
        String second = classes.join(code, null).token();
        classes.answer(code, first, q.id(), "2");
        assertThatThrownBy(() -> classes.answer(code, first, q.id(), "1"))
                .hasMessage("you have already answered this question");
        assertThatThrownBy(() -> classes.answer(code, second, q.id(), "3")).hasMessage("pick one of the options");
        classes.reveal(ann, code, q.id());
        assertThatThrownBy(() -> classes.answer(code, second, q.id(), "1"))
                .hasMessage("this question has been revealed: answers are closed");
        assertThatThrownBy(() -> classes.answer(code, "not-a-token", q.id(), "1"))
                .hasMessage("join class " + code + " first");
    }

    @Test
    void a_full_class_refuses_the_next_student_clearly() {
        String code = classes.start(ann, "gd-by-hand", Pace.INSTRUCTOR).code();
        for (int i = 0; i < 3; i++) {
            classes.join(code, null);
        }
        assertThatThrownBy(() -> classes.join(code, null))
                .hasMessage("class " + code + " is full: it already has 3 students");
    }

    @Test
    void an_ended_or_expired_class_takes_no_one_and_no_answers() {
        String ended = classes.start(ann, "gd-by-hand", Pace.INSTRUCTOR).code();
        String token = classes.join(ended, null).token();
        classes.end(ann, ended);
        assertThatThrownBy(() -> classes.join(ended, null)).hasMessage("class " + ended + " has ended");
        assertThat(classes.page(ended, token).over()).isTrue();

        String expiring = classes.start(ann, "gd-by-hand", Pace.INSTRUCTOR).code();
        clock.advance(Duration.ofHours(4));
        assertThatThrownBy(() -> classes.join(expiring, null)).hasMessage("class " + expiring + " has ended");
        assertThatThrownBy(() -> classes.setStep(ann, expiring, 1)).hasMessage("class " + expiring + " has ended");
    }

    @Test
    void a_student_paced_class_lets_each_student_step_and_the_dashboard_sees_where() {
        String code = classes.start(ann, "gd-by-hand", Pace.STUDENT).code();
        String ada = classes.join(code, "Ada").token();
        classes.join(code, "Bo");
        classes.studentStep(code, ada, 2);
        assertThat(classes.page(code, ada).step()).isEqualTo(2);
        assertThat(classes.dashboard(ann, code).students())
                .extracting(ClassService.StudentLine::nickname, ClassService.StudentLine::step)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Ada", 2), org.assertj.core.groups.Tuple.tuple("Bo", 0));
        String paced = classes.start(ann, "gd-by-hand", Pace.INSTRUCTOR).code();
        String t = classes.join(paced, null).token();
        assertThatThrownBy(() -> classes.studentStep(paced, t, 1))
                .hasMessage("in class " + paced + " the instructor sets the step");
    }

    @Test
    void each_change_signals_the_class_after_it_commits() {
        String code = classes.start(ann, "gd-by-hand", Pace.INSTRUCTOR).code();
        List<String> seen = new CopyOnWriteArrayList<>();
        List<Integer> stepsSeen = new CopyOnWriteArrayList<>();
        String token = classes.join(code, null).token();
        try (AutoCloseable sub = events.subscribe(code, payload -> {
            seen.add(payload);
            // the listener re-reads the database, as a page does: the change must already be committed
            stepsSeen.add(classes.page(code, token).step());
        })) {
            classes.setStep(ann, code, 2);
            ClassService.Card q = classes.pose(ann, code, ClassService.QuestionSpec.number(3, "summed", "theta", 0));
            classes.answer(code, token, q.id(), "3");
            classes.reveal(ann, code, q.id());
            classes.end(ann, code);
            // the bus delivers on a background thread, in order: wait (bounded) for the five signals
            List<String> expected = List.of("step", "question", "answer:" + q.id(), "reveal:" + q.id(), "end");
            long until = System.nanoTime() + 10_000_000_000L;
            while (seen.size() < expected.size() && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertThat(seen).containsExactlyElementsOf(expected);
            assertThat(stepsSeen.get(0)).isEqualTo(2);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void the_csv_names_a_student_by_nickname_or_number_and_the_summary_counts_the_right_answers() {
        String code = classes.start(ann, "gd-by-hand", Pace.INSTRUCTOR).code();
        ClassService.Card q = classes.pose(ann, code, ClassService.QuestionSpec.number(1, "zeroed", "theta", 0));
        String ada = classes.join(code, "Ada, the first").token();
        String anon = classes.join(code, " ").token();
        classes.answer(code, ada, q.id(), "8"); // 10 − 1 · 2
        classes.answer(code, anon, q.id(), "12");
        assertThat(classes.answersCsv(ann, code))
                .isEqualTo("student,question,answer,correct\n"
                        + "\"Ada, the first\",theta[0] after step 1 under zeroed,8,true\n"
                        + "student 2,theta[0] after step 1 under zeroed,12,false\n");
        assertThat(classes.summaryCsv(ann, code))
                .isEqualTo("question,kind,step,correct answer,answered,joined,right,percent right\n"
                        + "theta[0] after step 1 under zeroed,number,1,8.0,2,2,1,50\n");
        assertThatThrownBy(() -> classes.answersCsv(bob, code)).hasMessageContaining("another instructor");
    }

    @Test
    void ended_classes_and_their_students_are_deleted_after_the_retention_days() {
        String old = classes.start(ann, "gd-by-hand", Pace.INSTRUCTOR).code();
        String token = classes.join(old, null).token();
        classes.end(ann, old);
        String running = classes.start(ann, "gd-by-hand", Pace.INSTRUCTOR).code();
        clock.advance(Duration.ofDays(7).minusMinutes(1));
        classes.cleanup();
        assertThat(studentRows.findByToken(token)).isPresent();
        clock.advance(Duration.ofMinutes(2));
        classes.cleanup();
        assertThat(studentRows.findByToken(token)).isEmpty();
        assertThat(classes.mine(ann))
                .extracting(ClassService.Summary::code)
                .doesNotContain(old)
                .contains(running);
        // the other class was never ended: it expired after 4 hours, so it is gone 7 days after that
        clock.advance(Duration.ofHours(4));
        classes.cleanup();
        assertThat(classes.mine(ann)).extracting(ClassService.Summary::code).doesNotContain(running);
    }
}
