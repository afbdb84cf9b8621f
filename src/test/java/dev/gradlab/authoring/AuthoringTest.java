package dev.gradlab.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gradlab.account.Accounts;
import dev.gradlab.lab.SharedScenarios;
import dev.gradlab.scenario.store.ScenarioStore;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The editor's service on the real store (H2, real migrations): the signed-in user comes from Spring Security, and
 * ownership is checked here for every call, whatever a page shows.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({
    ScenarioStore.class,
    Accounts.class,
    Authoring.class,
    StoredSharedScenarios.class,
    dev.gradlab.account.AccountTestBeans.class
})
class AuthoringTest {

    /** θ = 10, loss (θ − 3)², lr 0.1, three steps without data. */
    static final String TEXT = """
            id: theta-three
            title: {en: "Towards three", zh-TW: "走向三"}
            kind: expression
            learningRate: 0.1
            strategies: [zeroed, summed]
            params: {theta: 10}
            steps: 3
            loss: (theta - 3)^2
            """;

    @Autowired
    Accounts accounts;

    @Autowired
    Authoring authoring;

    @Autowired
    SharedScenarios shared;

    private String ann;
    private String bob;

    @BeforeEach
    void names() {
        ann = "ann-" + UUID.randomUUID().toString().substring(0, 8);
        bob = "bob-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createInstructor(ann, "password-1");
        accounts.createInstructor(bob, "password-2");
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static void signIn(String user, String role) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        user, "n/a", AuthorityUtils.createAuthorityList("ROLE_" + role)));
    }

    private static void visitor() {
        SecurityContextHolder.getContext()
                .setAuthentication(new AnonymousAuthenticationToken(
                        "key", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
    }

    @Test
    void an_instructor_saves_opens_and_updates_their_own_scenario() {
        signIn(ann, "INSTRUCTOR");
        OwnScenario saved = authoring.create(TEXT, Sharing.PRIVATE);
        OwnScenario opened = authoring.open(saved.slug());
        assertThat(opened.source()).isEqualTo(TEXT);
        assertThat(opened.sharing()).isEqualTo(Sharing.PRIVATE);
        assertThat(opened.titleZhTw()).isEqualTo("走向三");

        OwnScenario updated =
                authoring.update(saved.slug(), TEXT.replace("0.1", "0.2"), Sharing.UNLISTED, opened.version());
        assertThat(updated.version()).isGreaterThan(opened.version());
        assertThat(authoring.open(saved.slug()).source()).contains("learningRate: 0.2");
        assertThat(authoring.mine()).extracting(OwnScenario::slug).containsExactly(saved.slug());
    }

    @Test
    void a_second_instructor_can_neither_open_save_share_nor_delete_it() {
        signIn(ann, "INSTRUCTOR");
        OwnScenario saved = authoring.create(TEXT, Sharing.UNLISTED);
        long v = saved.version();

        signIn(bob, "INSTRUCTOR");
        assertThatThrownBy(() -> authoring.open(saved.slug()))
                .isInstanceOf(AuthoringException.class)
                .hasMessageContaining("belongs to another user")
                .extracting(e -> ((AuthoringException) e).reason())
                .isEqualTo(AuthoringException.Reason.FORBIDDEN);
        assertThatThrownBy(() -> authoring.update(saved.slug(), TEXT, Sharing.PUBLIC, v))
                .extracting(e -> ((AuthoringException) e).reason())
                .isEqualTo(AuthoringException.Reason.FORBIDDEN);
        assertThatThrownBy(() -> authoring.changeSharing(saved.slug(), Sharing.PUBLIC, v))
                .extracting(e -> ((AuthoringException) e).reason())
                .isEqualTo(AuthoringException.Reason.FORBIDDEN);
        assertThatThrownBy(() -> authoring.delete(saved.slug(), v))
                .extracting(e -> ((AuthoringException) e).reason())
                .isEqualTo(AuthoringException.Reason.FORBIDDEN);
        assertThat(authoring.mine()).isEmpty();

        signIn(ann, "INSTRUCTOR");
        OwnScenario still = authoring.open(saved.slug());
        assertThat(still.version()).isEqualTo(v);
        assertThat(still.sharing()).isEqualTo(Sharing.UNLISTED);
    }

    @Test
    void a_visitor_and_an_account_without_the_instructor_role_cannot_save_or_open() {
        visitor();
        assertThatThrownBy(() -> authoring.create(TEXT, Sharing.PUBLIC))
                .isInstanceOf(AuthoringException.class)
                .hasMessage("sign in as an instructor to write scenarios");
        assertThat(authoring.canAuthor()).isFalse();
        signIn(ann, "STUDENT");
        assertThatThrownBy(() -> authoring.mine()).isInstanceOf(AuthoringException.class);
        signIn(ann, "ADMIN");
        assertThat(authoring.canAuthor()).isTrue();
    }

    @Test
    void a_save_against_the_version_opened_after_another_save_is_refused_and_keeps_the_newer_text() {
        signIn(ann, "INSTRUCTOR");
        OwnScenario saved = authoring.create(TEXT, Sharing.PRIVATE);
        authoring.update(saved.slug(), TEXT.replace("steps: 3", "steps: 4"), Sharing.PRIVATE, saved.version());
        assertThatThrownBy(() -> authoring.update(
                        saved.slug(), TEXT.replace("steps: 3", "steps: 5"), Sharing.PRIVATE, saved.version()))
                .isInstanceOf(AuthoringException.class)
                .hasMessage("changed by someone else since you opened it");
        assertThat(authoring.open(saved.slug()).source()).contains("steps: 4");
    }

    @Test
    void check_names_the_line_field_and_position_of_an_unknown_name_in_the_loss() {
        // line 8 is the loss; in "(theta - v)^2" the v is the 10th character
        Check c = authoring.check(TEXT.replace("(theta - 3)^2", "(theta - v)^2"));
        assertThat(c.ok()).isFalse();
        Check.Problem p = c.problem();
        assertThat(p).isNotNull();
        assertThat(p.line()).isEqualTo(8);
        assertThat(p.field()).isEqualTo("loss");
        assertThat(p.position()).isEqualTo(10);
        assertThat(p.message()).startsWith("scenario.yaml: line 8, loss, position 10: unknown name 'v'");
        assertThat(authoring.check(TEXT).scenario()).isNotNull();
    }

    @Test
    void saving_an_invalid_text_is_refused_with_the_parsers_line() {
        signIn(ann, "INSTRUCTOR");
        assertThatThrownBy(() ->
                        authoring.create(TEXT.replace("learningRate: 0.1", "learningRate: fast"), Sharing.PRIVATE))
                .isInstanceOf(AuthoringException.class)
                .hasMessageStartingWith("scenario.yaml: line 4, learningRate")
                .extracting(e -> ((AuthoringException) e).reason())
                .isEqualTo(AuthoringException.Reason.INVALID);
        assertThat(authoring.mine()).isEmpty();
    }

    @Test
    void a_copy_of_a_built_in_or_of_a_public_scenario_is_private_and_the_copiers_own() {
        signIn(ann, "INSTRUCTOR");
        OwnScenario pub = authoring.create(TEXT, Sharing.PUBLIC);
        assertThat(authoring.forkable())
                .extracting(ForkSource::idOrSlug)
                .contains("gd-by-hand")
                .doesNotContain(pub.slug());

        signIn(bob, "INSTRUCTOR");
        assertThat(authoring.forkable()).extracting(ForkSource::idOrSlug).contains(pub.slug());
        OwnScenario copy = authoring.fork(pub.slug());
        OwnScenario builtIn = authoring.fork("gd-by-hand");
        assertThat(List.of(copy.sharing(), builtIn.sharing())).containsOnly(Sharing.PRIVATE);
        assertThat(copy.source()).isEqualTo(TEXT);
        assertThat(authoring.mine())
                .extracting(OwnScenario::slug)
                .containsExactlyInAnyOrder(copy.slug(), builtIn.slug());
        assertThatThrownBy(() -> authoring.open("gd-by-hand")).hasMessageContaining("read-only");
    }

    @Test
    void share_links_show_unlisted_to_visitors_and_private_to_nobody_but_the_owner() {
        signIn(ann, "INSTRUCTOR");
        OwnScenario unlisted = authoring.create(TEXT, Sharing.UNLISTED);
        OwnScenario hidden = authoring.create(TEXT, Sharing.PRIVATE);
        assertThat(shared.find(hidden.slug())).isPresent();

        visitor();
        assertThat(shared.find(unlisted.slug())).get().extracting(s -> s.id()).isEqualTo("theta-three");
        assertThat(shared.find(hidden.slug())).isEmpty();
        assertThat(shared.listPublic()).extracting(SharedScenarios.Listed::slug).doesNotContain(unlisted.slug());
        assertThat(shared.canFork()).isFalse();
    }
}
