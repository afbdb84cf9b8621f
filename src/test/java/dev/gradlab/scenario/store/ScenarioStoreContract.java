package dev.gradlab.scenario.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gradlab.account.Accounts;
import dev.gradlab.account.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;

/**
 * The store's rules, written once and run on each database: H2 ({@link ScenarioStoreH2Test}) and PostgreSQL
 * ({@link ScenarioStorePostgresTest}). Real repositories, real migrations, no mocks.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({ScenarioStore.class, Accounts.class, dev.gradlab.account.AccountTestBeans.class})
abstract class ScenarioStoreContract {

    static final String TEXT = """
            id: by-hand
            title: {en: "By hand", zh-TW: "手算"}
            kind: manual
            learningRate: 1
            params: {theta: 10}
            gradients: [{theta: 2}]
            """;

    @Autowired
    ScenarioStore store;

    @Autowired
    StoredScenarioRepository rows;

    @Autowired
    Accounts accounts;

    @Autowired
    MutableClock clock;

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
    void a_saved_scenario_keeps_its_text_and_its_indexed_columns() {
        SavedScenario saved = store.create(ann, TEXT, Visibility.UNLISTED);
        StoredScenario row = rows.findBySlug(saved.slug()).orElseThrow();
        SavedScenario back = row.view();
        assertThat(back.source()).isEqualTo(TEXT);
        assertThat(back.id()).isEqualTo("by-hand");
        assertThat(back.titleEn()).isEqualTo("By hand");
        assertThat(back.titleZhTw()).isEqualTo("手算");
        assertThat(back.kind()).isEqualTo("manual");
        assertThat(back.owner()).isEqualTo(ann);
        assertThat(back.visibility()).isEqualTo(Visibility.UNLISTED);
        assertThat(back.created()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
    }

    @Test
    void an_invalid_text_is_not_stored_and_the_message_is_the_parsers() {
        long before = rows.count();
        assertThatThrownBy(() -> store.create(ann, TEXT.replace("kind: manual", "kind: magic"), Visibility.PRIVATE))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("scenario.yaml: line 3, kind: ")
                .hasMessageNotContaining("\n");
        assertThat(rows.count()).isEqualTo(before);
    }

    @Test
    void each_update_raises_the_version_and_a_stale_one_is_refused() {
        SavedScenario v0 = store.create(ann, TEXT, Visibility.PRIVATE);
        clock.advance(Duration.ofMinutes(5));
        SavedScenario v1 = store.update(ann, v0.slug(), TEXT.replace("By hand", "Edited"), v0.version());
        assertThat(v1.version()).isEqualTo(v0.version() + 1);
        assertThat(v1.titleEn()).isEqualTo("Edited");
        assertThat(v1.updated()).isEqualTo(Instant.parse("2026-03-01T10:05:00Z"));

        assertThatThrownBy(() -> store.update(ann, v0.slug(), TEXT, v0.version()))
                .isInstanceOf(StoreException.class)
                .hasMessage("changed by someone else since you opened it");
        assertThatThrownBy(() -> store.delete(ann, v0.slug(), v0.version()))
                .hasMessage("changed by someone else since you opened it");
        assertThat(store.findVisible(ann, v0.slug()).orElseThrow().titleEn()).isEqualTo("Edited");
    }

    @Test
    void only_the_owner_changes_or_deletes() {
        SavedScenario s = store.create(ann, TEXT, Visibility.PUBLIC);
        assertThatThrownBy(() -> store.update(bob, s.slug(), TEXT, s.version()))
                .isInstanceOfSatisfying(
                        StoreException.class, e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.FORBIDDEN));
        assertThatThrownBy(() -> store.delete(bob, s.slug(), s.version()))
                .isInstanceOfSatisfying(
                        StoreException.class, e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.FORBIDDEN));
        store.delete(ann, s.slug(), s.version());
        assertThat(store.findVisible(ann, s.slug())).isEmpty();
    }

    @Test
    void private_is_visible_to_its_owner_only_and_unlisted_to_anyone_with_the_slug() {
        SavedScenario mine = store.create(ann, TEXT, Visibility.PRIVATE);
        SavedScenario link = store.create(ann, TEXT, Visibility.UNLISTED);
        assertThat(store.findVisible(null, mine.slug())).isEmpty();
        assertThat(store.findVisible(bob, mine.slug())).isEmpty();
        assertThat(store.findVisible(ann, mine.slug())).isPresent();
        assertThat(store.findVisible(null, link.slug())).isPresent();
        assertThat(store.listPublic()).extracting(SavedScenario::slug).doesNotContain(mine.slug(), link.slug());
        assertThat(store.listMine(ann))
                .extracting(SavedScenario::slug)
                .containsExactlyInAnyOrder(mine.slug(), link.slug());
        assertThat(store.listMine(bob)).isEmpty();
    }

    @Test
    void a_fork_of_a_built_in_is_a_private_copy_of_its_text() {
        SavedScenario copy = store.fork(bob, "gd-by-hand");
        assertThat(copy.owner()).isEqualTo(bob);
        assertThat(copy.visibility()).isEqualTo(Visibility.PRIVATE);
        assertThat(copy.id()).isEqualTo("gd-by-hand");
        assertThat(copy.source())
                .isEqualTo(store.findVisible(null, "gd-by-hand").orElseThrow().source());
        assertThatThrownBy(() -> store.delete(bob, "gd-by-hand", 0))
                .isInstanceOfSatisfying(
                        StoreException.class, e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.FORBIDDEN));
    }

    @Test
    void slugs_are_ten_random_base32_characters_and_differ() {
        SavedScenario a = store.create(ann, TEXT, Visibility.UNLISTED);
        SavedScenario b = store.create(ann, TEXT, Visibility.UNLISTED);
        assertThat(a.slug()).matches("[a-z2-7]{10}");
        assertThat(a.slug()).isNotEqualTo(b.slug());
    }

    @Test
    void a_user_owns_at_most_the_configured_number_of_scenarios() {
        ScenarioStore small = new ScenarioStore(rows, Clock.systemUTC(), 2);
        small.create(ann, TEXT, Visibility.PRIVATE);
        small.create(ann, TEXT, Visibility.PRIVATE);
        assertThatThrownBy(() -> small.create(ann, TEXT, Visibility.PRIVATE))
                .isInstanceOfSatisfying(
                        StoreException.class, e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.LIMIT));
        small.create(bob, TEXT, Visibility.PRIVATE);
    }
}
