package dev.gradlab.lab.train;

/**
 * One epoch of one strategy's run. Values are NaN once the run has diverged.
 *
 * @param trainLoss mean loss per training example over the epoch's batches (each batch's loss before any division by
 *                  K, weighted by its size), measured while the weights were changing, as a training loop prints it
 * @param testLoss  mean cross-entropy per test example after the epoch, in eval mode under no-grad
 * @param accuracy  share of test examples whose arg-max class is their label, in [0, 1]
 */
public record EpochRecord(int epoch, double trainLoss, double testLoss, double accuracy) {}
