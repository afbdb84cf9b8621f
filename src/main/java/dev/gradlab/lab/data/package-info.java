/**
 * Data sets for model scenarios: the four two-dimensional sets of TensorFlow Playground generated from a seed,
 * and image sets read from IDX files (the MNIST format), including a bundled Fashion-MNIST subset.
 * Everything here is plain Java returning primitive arrays, so it knows nothing of the engine, Spring or Vaadin;
 * the model runner wraps the arrays in tensors. Entry point: {@link dev.gradlab.lab.data.Datasets}.
 */
@org.jspecify.annotations.NullMarked
package dev.gradlab.lab.data;
