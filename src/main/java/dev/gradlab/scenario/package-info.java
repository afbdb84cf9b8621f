/**
 * The scenario file format (YAML or JSON), its validation, the loss expression language and the built-in scenarios.
 * A {@link dev.gradlab.scenario.Scenario} is immutable and fully checked: every name in its loss resolves and every
 * shape fits, so a runner never meets a bad file. This package uses the engine but knows nothing of {@code lab}.
 */
@org.jspecify.annotations.NullMarked
package dev.gradlab.scenario;
