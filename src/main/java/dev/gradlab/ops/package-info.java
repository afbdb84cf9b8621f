/**
 * Operations: what a host of GradLab watches and switches. The actuator's own security chain (health probes and
 * Prometheus metrics, stateless, outside the UI's chain), GradLab's meters bound to Micrometer from the plain counters
 * of the training jobs, the crowd guard and the Lab, and the read-only demo mode ({@code gradlab.demo=true}).
 */
@org.jspecify.annotations.NullMarked
package dev.gradlab.ops;
