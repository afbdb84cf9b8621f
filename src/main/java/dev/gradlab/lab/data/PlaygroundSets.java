package dev.gradlab.lab.data;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The four classification sets of TensorFlow Playground ({@code src/dataset.ts}), same shapes and noise model,
 * reproducible from a seed. The exact recipe, so another implementation can reproduce the numbers:
 * <ul>
 * <li>{@code rnd = new java.util.SplittableRandom(seed)}; {@code u(a, b) = a + (b - a) * rnd.nextDouble()}, drawn
 * in the order written below; {@code n1 = samples - samples / 2} points of class 1 are made first, then
 * {@code n0 = samples / 2} of class 0 (the playground's label +1 is our 1, its −1 our 0).
 * <li>Points are made in the playground's units (data within radius 5 of the origin, plotted on [−6, 6]²) and then
 * divided by 6, so the playground's square maps onto [−1, 1]² and every feature lies in about [−1, 1].
 * <li>{@code noise} is the playground's slider divided by 100 (0 … 0.5; up to 1 allowed). Spiral and gaussian move
 * the points; xor and circle, as in the playground, compute the label from a jittered copy of the point and keep the
 * point itself clean, so noise shows up as wrongly coloured points near the boundary.
 * </ul>
 */
final class PlaygroundSets {

    /** Playground units per feature unit: its plot spans [−6, 6]. */
    static final double SCALE = 6;

    private static final List<String> FEATURES = List.of("x1", "x2");
    private static final List<String> CLASSES = List.of("0", "1");

    private PlaygroundSets() {}

    /**
     * Two interleaved arms: for arm point i of m, {@code r = 5 i / m}, {@code t = 1.75 · 2π · i / m + δ}, point
     * {@code (r sin t + u(−1,1)·noise, r cos t + u(−1,1)·noise)}; class 1 has δ = 0, class 0 has δ = π.
     */
    static Dataset spiral(int samples, double noise, long seed) {
        Builder b = new Builder("spiral", samples, noise, seed);
        arm(b, b.n1, 0, 1, noise);
        arm(b, b.n0, Math.PI, 0, noise);
        return b.build();
    }

    private static void arm(Builder b, int m, double delta, int label, double noise) {
        for (int i = 0; i < m; i++) {
            double r = 5.0 * i / m;
            double t = 1.75 * 2 * Math.PI * i / m + delta;
            double px = r * Math.sin(t) + b.u(-1, 1) * noise;
            double py = r * Math.cos(t) + b.u(-1, 1) * noise;
            b.add(px, py, label);
        }
    }

    /**
     * Four quadrants: {@code px = u(−5,5)}, pushed 0.3 away from 0 ({@code px > 0 ? +0.3 : −0.3}), same for py; then
     * jitter {@code jx = u(−5,5)·noise}, {@code jy = u(−5,5)·noise}; class 1 iff {@code (px+jx)(py+jy) ≥ 0}. Class
     * sizes are therefore only balanced on average.
     */
    static Dataset xor(int samples, double noise, long seed) {
        Builder b = new Builder("xor", samples, noise, seed);
        for (int i = 0; i < samples; i++) {
            double px = b.u(-5, 5);
            px += px > 0 ? 0.3 : -0.3;
            double py = b.u(-5, 5);
            py += py > 0 ? 0.3 : -0.3;
            double jx = b.u(-5, 5) * noise;
            double jy = b.u(-5, 5) * noise;
            b.add(px, py, (px + jx) * (py + jy) >= 0 ? 1 : 0);
        }
        return b.build();
    }

    /**
     * Inner disc (class 1, radius u(0, 2.5)) and outer ring (class 0, radius u(3.5, 5)): angle {@code a = u(0, 2π)},
     * point {@code (r sin a, r cos a)}; jitter {@code u(−5,5)·noise} per axis; class 1 iff the jittered point is
     * closer than 2.5 to the origin.
     */
    static Dataset circle(int samples, double noise, long seed) {
        Builder b = new Builder("circle", samples, noise, seed);
        ring(b, b.n1, 0, 2.5, noise);
        ring(b, b.n0, 3.5, 5, noise);
        return b.build();
    }

    private static void ring(Builder b, int m, double rMin, double rMax, double noise) {
        for (int i = 0; i < m; i++) {
            double r = b.u(rMin, rMax);
            double a = b.u(0, 2 * Math.PI);
            double px = r * Math.sin(a);
            double py = r * Math.cos(a);
            double jx = b.u(-5, 5) * noise;
            double jy = b.u(-5, 5) * noise;
            b.add(px, py, Math.hypot(px + jx, py + jy) < 2.5 ? 1 : 0);
        }
    }

    /**
     * Two blobs: class 1 around (2, 2), class 0 around (−2, −2), each coordinate normal with variance
     * {@code 0.5 + 7·noise} (the playground's linear map of noise 0 … 0.5 onto variance 0.5 … 4). Normal draws use
     * Marsaglia's polar method: repeat {@code v1 = u(−1,1), v2 = u(−1,1), s = v1² + v2²} until {@code 0 < s < 1};
     * the draw is {@code v1 · sqrt(−2 ln s / s)} (v2's partner value is discarded, as in the playground).
     */
    static Dataset gaussian(int samples, double noise, long seed) {
        Builder b = new Builder("gaussian", samples, noise, seed);
        double sd = Math.sqrt(gaussianVariance(noise));
        blob(b, b.n1, 2, sd, 1);
        blob(b, b.n0, -2, sd, 0);
        return b.build();
    }

    /** Per-coordinate variance of the gaussian blobs, in playground units. */
    static double gaussianVariance(double noise) {
        return 0.5 + 7 * noise;
    }

    private static void blob(Builder b, int m, double centre, double sd, int label) {
        for (int i = 0; i < m; i++) {
            double px = centre + sd * b.normal();
            double py = centre + sd * b.normal();
            b.add(px, py, label);
        }
    }

    /** Collects points in playground units and scales them on the way in. */
    private static final class Builder {
        final String name;
        final int n0;
        final int n1;
        final SplittableRandom rnd;
        final double[][] x;
        final int[] y;
        int count;

        Builder(String name, int samples, double noise, long seed) {
            if (samples < 2 || samples > Datasets.MAX_SAMPLES) {
                throw new DatasetException(
                        name + ": samples must be between 2 and " + Datasets.MAX_SAMPLES + ", got " + samples);
            }
            if (!(noise >= 0 && noise <= 1)) {
                throw new DatasetException(
                        name + ": noise must be between 0 and 1 (the playground's 0–50 % is" + " 0–0.5), got " + noise);
            }
            this.name = name;
            this.n0 = samples / 2;
            this.n1 = samples - n0;
            this.rnd = new SplittableRandom(seed);
            this.x = new double[samples][];
            this.y = new int[samples];
        }

        double u(double a, double b) {
            return a + (b - a) * rnd.nextDouble();
        }

        double normal() {
            double v1;
            double s;
            do {
                v1 = u(-1, 1);
                double v2 = u(-1, 1);
                s = v1 * v1 + v2 * v2;
            } while (s >= 1 || s == 0);
            return v1 * Math.sqrt(-2 * Math.log(s) / s);
        }

        void add(double px, double py, int label) {
            x[count] = new double[] {px / SCALE, py / SCALE};
            y[count] = label;
            count++;
        }

        Dataset build() {
            return new Dataset(name, x, y, 2, new int[] {2}, FEATURES, CLASSES);
        }
    }
}
