/**
 * How the engine's large matrix products run: the Java kernel, a native BLAS through JNI, and the split of a product's
 * rows over threads. {@link dev.gradlab.engine.backend.Gemm} is the one entry point the engine's kernels call, and
 * {@link dev.gradlab.engine.backend.Backend} reports what is in use. The choice of kernel is a function of
 * configuration ({@code gradlab.matmul}, {@code gradlab.threads}) and of which library is installed, never of a
 * timing, and a product's result does not depend on how many threads computed it, so a seeded run prints the same
 * numbers however busy the machine is. Knows nothing of tensors or autograd (and nothing of Spring or Vaadin).
 */
@org.jspecify.annotations.NullMarked
package dev.gradlab.engine.backend;
