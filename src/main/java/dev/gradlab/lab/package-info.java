/**
 * Turns a scenario into runs: one independent run per gradient strategy, same initial parameters, same batches.
 * The four strategies are one small abstraction ({@link dev.gradlab.scenario.GradientStrategy}) around a single training
 * loop in {@link dev.gradlab.lab.Runner}, so they can only differ where the lesson says they differ.
 */
@org.jspecify.annotations.NullMarked
package dev.gradlab.lab;
