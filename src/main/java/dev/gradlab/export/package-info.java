/**
 * Exports of a scenario and its runs, as pure functions of a {@link dev.gradlab.scenario.Scenario} and the run
 * results: the scenario's file text (YAML), the step tables as CSV, and a standalone PyTorch script that prints the
 * same JSON document as the {@code run} command. The {@code export} command and the Lab's Export menu call them.
 */
@org.jspecify.annotations.NullMarked
package dev.gradlab.export;
