package dev.gradlab.lab;

import dev.gradlab.scenario.Scenario;
import java.util.Optional;

/**
 * Saved scenarios as the Lab sees them: the one an address {@code /s/{slug}} names, if the person asking may see it
 * (its owner, or anyone for an unlisted or public one). Implemented on the server side, where the store and the
 * signed-in user are known; the Lab itself stays plain Java.
 */
public interface SharedScenarios {

    /** The parsed scenario saved under {@code slug}, or empty when there is none or it is private to someone else. */
    Optional<Scenario> find(String slug);
}
