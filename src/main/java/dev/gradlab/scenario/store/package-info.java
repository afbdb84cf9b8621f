/**
 * Saved scenarios: each row keeps the validated file text plus indexed columns, an owner, a visibility and a version
 * for optimistic locking. {@link dev.gradlab.scenario.store.ScenarioStore} is the one place that decides who may
 * read, change or delete a scenario; views and the API both call it.
 */
@org.jspecify.annotations.NullMarked
package dev.gradlab.scenario.store;
