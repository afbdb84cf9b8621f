package dev.gradlab.authoring;

import dev.gradlab.scenario.BuiltInScenarios;
import dev.gradlab.scenario.Scenario;
import dev.gradlab.scenario.ScenarioException;
import dev.gradlab.scenario.ScenarioParser;
import dev.gradlab.scenario.store.SavedScenario;
import dev.gradlab.scenario.store.ScenarioStore;
import dev.gradlab.scenario.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * The editor's and "My scenarios"' service: every call finds the signed-in user from Spring Security and refuses
 * anyone who is not an instructor (or the admin); opening, saving, changing the visibility and deleting also check
 * here that the scenario is the caller's own, whatever the page shows. The store checks ownership once more.
 */
@Service
public class Authoring {

    private final ScenarioStore store;
    private final int maxPerUser;

    Authoring(
            ScenarioStore store,
            @org.springframework.beans.factory.annotation.Value("${gradlab.max-scenarios-per-user:500}")
                    int maxPerUser) {
        this.store = store;
        this.maxPerUser = maxPerUser;
    }

    /** Parses an unsaved text as {@code run} would; never throws for bad text. Needs no sign-in (it saves nothing). */
    public Check check(String text) {
        if (text.getBytes(StandardCharsets.UTF_8).length > ScenarioStore.MAX_BYTES) {
            return new Check(
                    null,
                    new Check.Problem(ScenarioStore.FILE_NAME + ": the file is larger than 1 MB", null, null, null));
        }
        try {
            return new Check(ScenarioParser.parse(text, ScenarioStore.FILE_NAME), null);
        } catch (ScenarioException e) {
            return new Check(
                    null,
                    new Check.Problem(
                            Objects.requireNonNullElse(e.getMessage(), e.reason()), e.line(), e.field(), e.position()));
        }
    }

    /** How many scenarios one user may keep ({@code gradlab.max-scenarios-per-user}): the cap a LIMIT refusal names. */
    public int maxScenariosPerUser() {
        return maxPerUser;
    }

    /** Whether the signed-in user may author at all (an instructor or the admin). */
    public boolean canAuthor() {
        return author() != null;
    }

    /** The scenario {@code slug} for editing: only its owner gets it. */
    public OwnScenario open(String slug) {
        String me = requireAuthor();
        SavedScenario s = store.findVisible(me, slug).orElseThrow(() -> notFound(slug));
        if (s.builtIn()) {
            throw new AuthoringException(
                    AuthoringException.Reason.FORBIDDEN,
                    "built-in scenario '" + slug + "' is read-only: copy it to change a copy");
        }
        if (!me.equals(s.owner())) {
            throw new AuthoringException(
                    AuthoringException.Reason.FORBIDDEN,
                    "scenario '" + slug + "' belongs to another user: copy it to change a copy");
        }
        return own(s);
    }

    public OwnScenario create(String text, Sharing sharing) {
        String me = requireAuthor();
        return call(() -> own(store.create(me, text, sharing.visibility())));
    }

    /** Saves {@code text} over {@code slug}; {@code version} is the one the editor opened (or last saved). */
    public OwnScenario update(String slug, String text, Sharing sharing, long version) {
        String me = requireAuthor();
        return call(() -> own(store.update(me, slug, text, sharing.visibility(), version)));
    }

    public OwnScenario changeSharing(String slug, Sharing sharing, long version) {
        String me = requireAuthor();
        return call(() -> own(store.changeVisibility(me, slug, sharing.visibility(), version)));
    }

    public void delete(String slug, long version) {
        String me = requireAuthor();
        call(() -> {
            store.delete(me, slug, version);
            return slug;
        });
    }

    /** Copies a built-in or a scenario the caller can see into a new private one of theirs. */
    public OwnScenario fork(String idOrSlug) {
        String me = requireAuthor();
        return call(() -> own(store.fork(me, idOrSlug)));
    }

    /** The caller's own scenarios, the most recently changed first. */
    public List<OwnScenario> mine() {
        String me = requireAuthor();
        return store.listMine(me).stream().map(Authoring::own).toList();
    }

    /** What may be copied: every built-in, then the public scenarios of other users. */
    public List<ForkSource> forkable() {
        String me = requireAuthor();
        List<ForkSource> out = new ArrayList<>();
        for (Scenario s : BuiltInScenarios.all()) {
            out.add(new ForkSource(
                    s.id(), s.title().in(Locale.ENGLISH), s.title().in(Locale.forLanguageTag("zh-TW")), true));
        }
        for (SavedScenario s : store.listPublic()) {
            if (!me.equals(s.owner())) {
                out.add(new ForkSource(s.slug(), s.titleEn(), s.titleZhTw(), false));
            }
        }
        return out;
    }

    private static OwnScenario own(SavedScenario s) {
        return new OwnScenario(
                s.slug(),
                s.id(),
                s.titleEn(),
                s.titleZhTw(),
                s.kind(),
                Sharing.of(s.visibility()),
                s.version(),
                s.updated(),
                s.source());
    }

    private static <T> T call(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (StoreException e) {
            throw new AuthoringException(
                    AuthoringException.Reason.valueOf(e.reason().name()),
                    Objects.requireNonNullElse(e.getMessage(), e.reason().name()));
        }
    }

    private static String requireAuthor() {
        String me = author();
        if (me == null) {
            throw new AuthoringException(
                    AuthoringException.Reason.SIGN_IN, "sign in as an instructor to write scenarios");
        }
        return me;
    }

    /** The signed-in instructor's (or admin's) name, or null. */
    static @Nullable String author() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return null;
        }
        for (GrantedAuthority a : auth.getAuthorities()) {
            String role = a.getAuthority();
            if ("ROLE_INSTRUCTOR".equals(role) || "ROLE_ADMIN".equals(role)) {
                return auth.getName();
            }
        }
        return null;
    }

    private static AuthoringException notFound(String slug) {
        return new AuthoringException(
                AuthoringException.Reason.NOT_FOUND,
                "no scenario '" + dev.gradlab.scenario.Limits.cut(slug.replaceAll("\\s", " "), 40) + "'");
    }
}
