package dev.gradlab.base.ui.steptable;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VectorTextTest {

    private static final Locale EN = Locale.ENGLISH;

    @Test
    void a_single_parameter_shows_only_its_values() {
        assertThat(VectorText.of(Map.of("θ", new double[] {5}), EN, true)).isEqualTo("5");
        assertThat(VectorText.of(Map.of("w", new double[] {1, -0.5}), EN, true)).isEqualTo("[1, -0.5]");
    }

    @Test
    void several_parameters_get_one_named_line_each_and_a_missing_grad_reads_none() {
        Map<String, double[]> grads = new LinkedHashMap<>();
        grads.put("weight", new double[] {1, 2});
        grads.put("bias", null);
        assertThat(VectorText.of(grads, EN, true)).isEqualTo("weight:\n[1, 2]\nbias:\nNone");
    }

    @Test
    void long_vectors_are_abbreviated_with_their_length_unless_asked_for_all() {
        double[] v = {1, 2, 3, 4, 5, 6, 7, 8};
        assertThat(VectorText.vector(v, EN, true)).isEqualTo("[1, 2, …, 8] (8)");
        assertThat(VectorText.vector(v, EN, false)).isEqualTo("[1, 2, 3, 4, 5, 6, 7, 8]");
    }

    @Test
    void dotted_names_may_wrap_after_each_dot() {
        assertThat(VectorText.of(Map.of("fc1.weight", new double[] {1, 2}, "b", new double[] {3}), EN, true)
                        .replace("\u200B", "|"))
                .contains("fc1.|weight:");
    }

    @Test
    void no_applied_gradient_reads_as_a_dash() {
        assertThat(VectorText.of(null, EN, true)).isEqualTo("—");
    }
}
