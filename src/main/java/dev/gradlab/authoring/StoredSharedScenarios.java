package dev.gradlab.authoring;

import dev.gradlab.lab.SharedScenarios;
import dev.gradlab.scenario.Scenario;
import dev.gradlab.scenario.store.SavedScenario;
import dev.gradlab.scenario.store.ScenarioStore;
import dev.gradlab.scenario.store.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Share links over the store: a saved scenario is shown to its owner, and to anyone when it is unlisted or public;
 * the check is the store's, made here on the server for every request, whatever the page shows. Copying goes through
 * {@link Authoring}, which checks the signed-in instructor.
 */
@Service
class StoredSharedScenarios implements SharedScenarios {

    private final ScenarioStore store;
    private final Authoring authoring;

    StoredSharedScenarios(ScenarioStore store, Authoring authoring) {
        this.store = store;
        this.authoring = authoring;
    }

    @Override
    public Optional<Scenario> find(String slug) {
        return store.findVisible(currentUser(), slug)
                .filter(saved -> !saved.builtIn()) // built-ins have their own address, /lab/{id}
                .map(saved -> ScenarioStore.validate(saved.source()));
    }

    @Override
    public List<Listed> listPublic() {
        List<Listed> out = new ArrayList<>();
        for (SavedScenario s : store.listPublic()) {
            try {
                out.add(new Listed(s.slug(), ScenarioStore.validate(s.source())));
            } catch (StoreException e) {
                // saved text was valid when saved; a later, stricter parser must not take the Library down
            }
        }
        return out;
    }

    @Override
    public boolean canFork() {
        return authoring.canAuthor();
    }

    @Override
    public String fork(String idOrSlug) {
        try {
            return authoring.fork(idOrSlug).slug();
        } catch (AuthoringException e) {
            ForkRefused.Why why = switch (e.reason()) {
                case SIGN_IN -> ForkRefused.Why.SIGN_IN;
                case LIMIT -> ForkRefused.Why.LIMIT;
                case NOT_FOUND -> ForkRefused.Why.NOT_FOUND;
                default -> ForkRefused.Why.OTHER;
            };
            throw new ForkRefused(
                    why, authoring.maxScenariosPerUser(), java.util.Objects.requireNonNullElse(e.getMessage(), ""));
        }
    }

    /** The signed-in user's name, or null for a student (no account). */
    static @Nullable String currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return auth.getName();
    }
}
