/**
 * A small reverse-mode autograd engine with PyTorch semantics: {@link dev.gradlab.engine.Tensor}, the recorded
 * graph behind it, the no-grad scope ({@link dev.gradlab.engine.Autograd}) and functional losses ({@link dev.gradlab.engine.F}).
 * Gradients are always added into {@code grad()}, never assigned: that is the behaviour GradLab teaches.
 * Plain Java with {@code double[]} storage; nothing here knows about Spring, Vaadin or the rest of the app.
 */
@org.jspecify.annotations.NullMarked
package dev.gradlab.engine;
