package dev.gradlab.lab.train;

import dev.gradlab.engine.Autograd;
import dev.gradlab.engine.F;
import dev.gradlab.engine.NoGradScope;
import dev.gradlab.engine.Tensor;
import dev.gradlab.engine.nn.Module;
import dev.gradlab.lab.data.Dataset;

/**
 * The notebook's evaluation loop: model in eval mode, inside no-grad, add up the loss and count arg-max hits; then
 * back to training mode.
 */
final class Evaluation {

    /** Test examples per forward pass: big enough for the matrix kernel, small enough for the cache. */
    static final int CHUNK = 500;

    record Score(double loss, double accuracy) {}

    private Evaluation() {}

    static Score score(Module model, Dataset test) {
        boolean wasTraining = model.isTraining();
        model.eval();
        double lossSum = 0;
        int correct = 0;
        try (NoGradScope ignored = Autograd.noGrad()) {
            for (int from = 0; from < test.size(); from += CHUNK) {
                int to = Math.min(test.size(), from + CHUNK);
                TrainingData.Batch b = TrainingData.range(test, from, to);
                Tensor logits = model.forward(b.x());
                lossSum += F.crossEntropy(logits, b.y()).item() * (to - from);
                correct += hits(logits, b.y());
            }
        } finally {
            model.train(wasTraining);
        }
        return new Score(lossSum / test.size(), (double) correct / test.size());
    }

    /** How many rows of {@code logits} have their arg-max at the label. */
    static int hits(Tensor logits, int[] labels) {
        double[] predicted = logits.argmax(1).toArray();
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            if ((int) predicted[i] == labels[i]) {
                correct++;
            }
        }
        return correct;
    }

    /** The decision boundary of a model on 2-D data, over the data's bounding box plus a 10% margin. */
    static DecisionGrid grid(Module model, Dataset data, int resolution) {
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (double[] p : data.x()) {
            xMin = Math.min(xMin, p[0]);
            xMax = Math.max(xMax, p[0]);
            yMin = Math.min(yMin, p[1]);
            yMax = Math.max(yMax, p[1]);
        }
        double mx = 0.1 * (xMax - xMin) + 1e-9;
        double my = 0.1 * (yMax - yMin) + 1e-9;
        xMin -= mx;
        xMax += mx;
        yMin -= my;
        yMax += my;
        int n = resolution * resolution;
        double[] points = new double[2 * n];
        for (int row = 0; row < resolution; row++) {
            for (int col = 0; col < resolution; col++) {
                int i = row * resolution + col;
                points[2 * i] = xMin + (col + 0.5) * (xMax - xMin) / resolution;
                points[2 * i + 1] = yMin + (row + 0.5) * (yMax - yMin) / resolution;
            }
        }
        int[] predicted = new int[n];
        double[] probability = new double[n];
        boolean wasTraining = model.isTraining();
        model.eval();
        try (NoGradScope ignored = Autograd.noGrad()) {
            double[] p = model.forward(Tensor.of(points, n, 2)).softmax(1).toArray();
            int classes = p.length / n;
            for (int i = 0; i < n; i++) {
                int best = 0;
                for (int c = 1; c < classes; c++) {
                    if (p[i * classes + c] > p[i * classes + best]) {
                        best = c;
                    }
                }
                predicted[i] = best;
                probability[i] = classes == 2 ? p[i * classes + 1] : p[i * classes + best];
            }
        } finally {
            model.train(wasTraining);
        }
        return new DecisionGrid(xMin, xMax, yMin, yMax, resolution, predicted, probability);
    }
}
