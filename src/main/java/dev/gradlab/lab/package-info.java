/**
 * Turns a scenario into runs: one independent run per gradient strategy, same initial parameters, same batches.
 * The four strategies are one small abstraction ({@link dev.gradlab.scenario.GradientStrategy}) around a single training
 * loop in {@link dev.gradlab.lab.Runner}, so they can only differ where the lesson says they differ. All of {@code lab},
 * its subpackages included, is free of Spring: the beans are declared in {@code dev.gradlab.GradlabBeans}.
 */
@org.jspecify.annotations.NullMarked
package dev.gradlab.lab;
