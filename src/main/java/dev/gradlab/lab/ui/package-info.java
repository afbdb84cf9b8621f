/**
 * The lesson and Lab views: the zero_grad lesson, the scenario library and the Lab, with the panels they share (step
 * tables, charts, PyTorch code, computation graph). Views stay thin: every number comes from {@code lab.LabService}
 * and the engine; the reusable widgets themselves live in {@code base.ui}.
 */
@org.jspecify.annotations.NullMarked
package dev.gradlab.lab.ui;
