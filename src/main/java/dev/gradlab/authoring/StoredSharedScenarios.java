package dev.gradlab.authoring;

import dev.gradlab.lab.SharedScenarios;
import dev.gradlab.scenario.Scenario;
import dev.gradlab.scenario.store.ScenarioStore;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Share links over the store: a saved scenario is shown to its owner, and to anyone when it is unlisted or public;
 * the check is the store's, made here on the server for every request, whatever the page shows.
 */
@Service
class StoredSharedScenarios implements SharedScenarios {

    private final ScenarioStore store;

    StoredSharedScenarios(ScenarioStore store) {
        this.store = store;
    }

    @Override
    public Optional<Scenario> find(String slug) {
        return store.findVisible(currentUser(), slug)
                .filter(saved -> !saved.builtIn()) // built-ins have their own address, /lab/{id}
                .map(saved -> ScenarioStore.validate(saved.source()));
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
