package dev.gradlab.scenario.store;

import dev.gradlab.scenario.BuiltInScenarios;
import dev.gradlab.scenario.Scenario;
import dev.gradlab.scenario.ScenarioException;
import dev.gradlab.scenario.ScenarioParser;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saved scenarios and the rules about them: text is validated by the same parser as {@code run} before it is stored;
 * only the owner changes or deletes; a private scenario is invisible (not found) to everyone else; built-ins are
 * readable by id and read-only; a stale version is refused, never overwritten. Every method returns only after its
 * transaction has committed. An {@code actor} is a signed-in username, or null for an anonymous reader.
 */
@Service
public class ScenarioStore {

    /** The name parse errors carry, as {@code run} would print for a file of that name. */
    public static final String FILE_NAME = "scenario.yaml";

    public static final int MAX_BYTES = 1024 * 1024;

    private final StoredScenarioRepository scenarios;
    private final Clock clock;
    private final int maxPerUser;
    /** The read-only public demo ({@code gradlab.demo=true}): only built-ins and public scenarios can be found. */
    private final boolean demo;

    ScenarioStore(StoredScenarioRepository scenarios, Clock clock, int maxPerUser) {
        this(scenarios, clock, maxPerUser, false);
    }

    @org.springframework.beans.factory.annotation.Autowired
    ScenarioStore(
            StoredScenarioRepository scenarios,
            Clock clock,
            @Value("${gradlab.max-scenarios-per-user:500}") int maxPerUser,
            @Value("${gradlab.demo:false}") boolean demo) {
        this.scenarios = scenarios;
        this.clock = clock;
        this.maxPerUser = maxPerUser;
        this.demo = demo;
    }

    /** Validates {@code text} and saves it as a new scenario of {@code owner}. */
    @Transactional
    public SavedScenario create(String owner, String text, Visibility visibility) {
        Scenario parsed = validate(text);
        checkLimit(owner);
        StoredScenario row = new StoredScenario(uniqueSlug(), owner, visibility, now());
        fill(row, parsed, text);
        return scenarios.saveAndFlush(row).view();
    }

    /** Replaces the text of {@code slug}; {@code expectedVersion} is the version the editor opened. */
    @Transactional
    public SavedScenario update(String actor, String slug, String text, long expectedVersion) {
        return update(actor, slug, text, null, expectedVersion);
    }

    /** Like {@link #update(String, String, String, long)}, also changing the visibility when it is not null. */
    @Transactional
    public SavedScenario update(
            String actor, String slug, String text, @Nullable Visibility visibility, long expectedVersion) {
        StoredScenario row = ownedForChange(actor, slug, expectedVersion);
        Scenario parsed = validate(text);
        fill(row, parsed, text);
        if (visibility != null) {
            row.visibility(visibility);
        }
        return flush(row).view();
    }

    /** Changes only the visibility of {@code slug}. */
    @Transactional
    public SavedScenario changeVisibility(String actor, String slug, Visibility visibility, long expectedVersion) {
        StoredScenario row = ownedForChange(actor, slug, expectedVersion);
        row.visibility(visibility);
        row.touched(now());
        return flush(row).view();
    }

    @Transactional
    public void delete(String actor, String slug, long expectedVersion) {
        StoredScenario row = ownedForChange(actor, slug, expectedVersion);
        scenarios.delete(row);
        try {
            scenarios.flush();
        } catch (ObjectOptimisticLockingFailureException e) {
            throw stale();
        }
    }

    /**
     * The scenario {@code slugOrId} as {@code actor} may see it: a saved one that is not private or is theirs, else a
     * built-in with that id.
     */
    @Transactional(readOnly = true)
    public Optional<SavedScenario> findVisible(@Nullable String actor, String slugOrId) {
        Optional<StoredScenario> row = scenarios.findBySlug(slugOrId);
        if (row.isPresent()) {
            StoredScenario r = row.get();
            boolean visible = demo
                    ? r.visibility() == Visibility.PUBLIC
                    : r.visibility() != Visibility.PRIVATE || r.owner().equals(actor);
            return visible ? Optional.of(r.view()) : Optional.empty();
        }
        return BuiltInScenarios.find(slugOrId).map(ScenarioStore::builtIn);
    }

    @Transactional(readOnly = true)
    public List<SavedScenario> listMine(String actor) {
        return scenarios.findByOwnerOrderByUpdatedDesc(actor).stream()
                .map(StoredScenario::view)
                .toList();
    }

    @Transactional(readOnly = true)
    public List<SavedScenario> listPublic() {
        return scenarios.findByVisibilityOrderByUpdatedDesc(Visibility.PUBLIC).stream()
                .map(StoredScenario::view)
                .toList();
    }

    /** Copies a built-in, or a scenario {@code actor} can see, into a new private scenario of {@code actor}. */
    @Transactional
    public SavedScenario fork(String actor, String builtInIdOrSlug) {
        SavedScenario original = findVisible(actor, builtInIdOrSlug).orElseThrow(() -> notFound(builtInIdOrSlug));
        return create(actor, original.source(), Visibility.PRIVATE);
    }

    /** Parses {@code text} with the {@code run} command's parser; the message of a failure is its one line. */
    public static Scenario validate(String text) {
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new StoreException(StoreException.Reason.INVALID, FILE_NAME + ": the file is larger than 1 MB");
        }
        try {
            return ScenarioParser.parse(text, FILE_NAME);
        } catch (ScenarioException e) {
            throw new StoreException(
                    StoreException.Reason.INVALID, java.util.Objects.requireNonNullElse(e.getMessage(), e.toString()));
        }
    }

    private StoredScenario ownedForChange(String actor, String slug, long expectedVersion) {
        StoredScenario row = scenarios.findBySlug(slug).orElse(null);
        if (row == null) {
            if (BuiltInScenarios.find(slug).isPresent()) {
                throw new StoreException(
                        StoreException.Reason.FORBIDDEN,
                        "built-in scenario '" + slug + "' is read-only: fork it to change a copy");
            }
            throw notFound(slug);
        }
        if (!row.owner().equals(actor)) {
            throw new StoreException(
                    StoreException.Reason.FORBIDDEN,
                    "scenario '" + slug + "' belongs to another user: fork it to change a copy");
        }
        if (row.version() != expectedVersion) {
            throw stale();
        }
        return row;
    }

    private StoredScenario flush(StoredScenario row) {
        try {
            return scenarios.saveAndFlush(row);
        } catch (ObjectOptimisticLockingFailureException e) {
            throw stale();
        }
    }

    private void fill(StoredScenario row, Scenario parsed, String text) {
        row.content(
                parsed.id(),
                parsed.title().in(Locale.ENGLISH),
                parsed.title().in(Locale.forLanguageTag("zh-TW")),
                parsed.kind().fileName(),
                text,
                now());
    }

    private void checkLimit(String owner) {
        if (scenarios.countByOwner(owner) >= maxPerUser) {
            throw new StoreException(
                    StoreException.Reason.LIMIT,
                    "you already have " + maxPerUser + " scenarios, the most one user may keep: delete one first");
        }
    }

    private String uniqueSlug() {
        String slug;
        do {
            slug = Slugs.next();
        } while (scenarios.existsBySlug(slug) || BuiltInScenarios.find(slug).isPresent());
        return slug;
    }

    private Instant now() {
        return clock.instant();
    }

    private static SavedScenario builtIn(Scenario s) {
        return new SavedScenario(
                s.id(),
                s.id(),
                s.title().in(Locale.ENGLISH),
                s.title().in(Locale.forLanguageTag("zh-TW")),
                s.kind().fileName(),
                null,
                Visibility.PUBLIC,
                0,
                Instant.EPOCH,
                Instant.EPOCH,
                s.source(),
                true);
    }

    private static StoreException notFound(String slug) {
        return new StoreException(
                StoreException.Reason.NOT_FOUND,
                "no scenario '" + Objects.requireNonNull(slug).replaceAll("\\s", " ") + "'");
    }

    private static StoreException stale() {
        return new StoreException(StoreException.Reason.CONFLICT, StoreException.STALE);
    }
}
