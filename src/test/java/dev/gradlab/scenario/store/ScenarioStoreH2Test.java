package dev.gradlab.scenario.store;

/** The store's rules on the default database, H2 (in memory for tests, a file in production). */
class ScenarioStoreH2Test extends ScenarioStoreContract {}
