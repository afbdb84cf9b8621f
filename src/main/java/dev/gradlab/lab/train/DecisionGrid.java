package dev.gradlab.lab.train;

/**
 * A model's prediction over a square grid covering a 2-D data set, for drawing its decision boundary. Cell
 * {@code (row, col)} is at index {@code row * resolution + col}; its centre is
 * {@code x = xMin + (col + 0.5) · (xMax − xMin) / resolution}, {@code y = yMin + (row + 0.5) · (yMax − yMin) / resolution}
 * (row 0 at the bottom).
 *
 * @param predicted   the arg-max class per cell
 * @param probability the softmax probability of class 1 per cell (two classes), else of the predicted class
 */
public record DecisionGrid(
        double xMin, double xMax, double yMin, double yMax, int resolution, int[] predicted, double[] probability) {}
