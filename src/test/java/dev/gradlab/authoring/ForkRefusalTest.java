package dev.gradlab.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gradlab.account.Accounts;
import dev.gradlab.lab.SharedScenarios;
import dev.gradlab.lab.SharedScenarios.ForkRefused;
import dev.gradlab.scenario.store.ScenarioStore;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.TestPropertySource;

/**
 * The Library's Copy goes through {@link SharedScenarios#fork}: a refusal arrives with why and the cap, so the page can
 * say it in its reader's language (it used to escape the click unhandled). The cap is set to 2 here.
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
@TestPropertySource(properties = "gradlab.max-scenarios-per-user=2")
class ForkRefusalTest {

    @Autowired
    Accounts accounts;

    @Autowired
    SharedScenarios shared;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private void signedInAsANewInstructor() {
        String name = "ann-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createInstructor(name, "password-1");
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        name, "n/a", AuthorityUtils.createAuthorityList("ROLE_INSTRUCTOR")));
    }

    @Test
    void a_copy_over_the_per_user_cap_is_refused_as_a_limit_that_names_the_cap() {
        signedInAsANewInstructor();
        shared.fork("gd-by-hand");
        shared.fork("gd-by-hand"); // two copies: the cap
        ForkRefused refused = catchThrowableOfType(() -> shared.fork("gd-by-hand"), ForkRefused.class);
        assertThat(refused.why()).isEqualTo(ForkRefused.Why.LIMIT);
        assertThat(refused.limit()).isEqualTo(2);
    }

    @Test
    void a_copy_by_a_visitor_is_refused_as_needing_sign_in() {
        SecurityContextHolder.getContext()
                .setAuthentication(new AnonymousAuthenticationToken(
                        "key", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        ForkRefused refused = catchThrowableOfType(() -> shared.fork("gd-by-hand"), ForkRefused.class);
        assertThat(refused.why()).isEqualTo(ForkRefused.Why.SIGN_IN);
    }

    @Test
    void a_copy_of_a_scenario_that_does_not_exist_is_refused_as_not_found() {
        signedInAsANewInstructor();
        ForkRefused refused = catchThrowableOfType(() -> shared.fork("no-such-thing"), ForkRefused.class);
        assertThat(refused.why()).isEqualTo(ForkRefused.Why.NOT_FOUND);
    }
}
