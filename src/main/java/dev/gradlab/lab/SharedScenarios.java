package dev.gradlab.lab;

import dev.gradlab.scenario.Scenario;
import java.util.List;
import java.util.Optional;

/**
 * Saved scenarios as the Lab sees them: the one an address {@code /s/{slug}} names, if the person asking may see it
 * (its owner, or anyone for an unlisted or public one), the public ones the Library lists, and copying ("fork") for a
 * signed-in instructor. Implemented on the server side, where the store and the signed-in user are known; the Lab
 * itself stays plain Java.
 */
public interface SharedScenarios {

    /** A public saved scenario for the Library: its share slug and the parsed scenario. */
    record Listed(String slug, Scenario scenario) {}

    /** The parsed scenario saved under {@code slug}, or empty when there is none or it is private to someone else. */
    Optional<Scenario> find(String slug);

    /** The public saved scenarios, the most recently changed first. */
    default List<Listed> listPublic() {
        return List.of();
    }

    /** Whether the person asking is signed in as an instructor and may copy scenarios. */
    default boolean canFork() {
        return false;
    }

    /**
     * Copies a built-in (by id) or a visible saved scenario (by slug) into a new private scenario of the signed-in
     * instructor, checked on the server; returns the copy's slug.
     *
     * @throws ForkRefused when the copy is refused, with why (so a page can say it in its reader's language)
     */
    default String fork(String idOrSlug) {
        throw new ForkRefused(ForkRefused.Why.SIGN_IN, 0, "copying scenarios needs a signed-in instructor");
    }

    /** A copy refused: why, the per-user cap for {@code LIMIT}, and the service's own (English) line. */
    final class ForkRefused extends RuntimeException {

        /** Not signed in as an instructor, at the per-user cap, no such scenario (for you), or another reason. */
        public enum Why {
            SIGN_IN,
            LIMIT,
            NOT_FOUND,
            OTHER
        }

        private final Why why;
        private final int limit;

        public ForkRefused(Why why, int limit, String detail) {
            super(detail);
            this.why = why;
            this.limit = limit;
        }

        public Why why() {
            return why;
        }

        /** The most scenarios one user may keep, for {@link Why#LIMIT}. */
        public int limit() {
            return limit;
        }
    }
}
