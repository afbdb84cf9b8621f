package dev.gradlab.lab.nograd;

/** The same test batch evaluated without and with {@code Autograd.noGrad()} (model in eval mode both times). */
public record BatchComparison(int batch, int size, PassFacts withGrad, PassFacts noGrad) {}
