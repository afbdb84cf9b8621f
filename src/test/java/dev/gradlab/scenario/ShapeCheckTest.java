package dev.gradlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ShapeCheckTest {

    private final ShapeCheck check = new ShapeCheck(
            Map.of(
                    "s",
                    new int[] {},
                    "v",
                    new int[] {3},
                    "u",
                    new int[] {2},
                    "M",
                    new int[] {4, 3},
                    "N",
                    new int[] {3, 2},
                    "col",
                    new int[] {4, 1},
                    "labels",
                    new int[] {4}),
            "parameters: s, v, u, M, N, col, labels");

    private int[] shape(String text) throws ExpressionException {
        return check.shapeOf(Expression.parse(text));
    }

    @Test
    void broadcasting_follows_pytorch_for_rank_up_to_two() throws Exception {
        assertThat(shape("s * v")).containsExactly(3);
        assertThat(shape("M + v")).containsExactly(4, 3);
        assertThat(shape("M + col")).containsExactly(4, 3);
        assertThat(shape("col * v")).containsExactly(4, 3);
    }

    @Test
    void matmul_follows_torch_matmul_for_vectors_and_matrices() throws Exception {
        assertThat(shape("v @ v")).isEmpty();
        assertThat(shape("M @ v")).containsExactly(4);
        assertThat(shape("v @ N")).containsExactly(2);
        assertThat(shape("M @ N")).containsExactly(4, 2);
    }

    @Test
    void reductions_drop_the_reduced_dimension() throws Exception {
        assertThat(shape("sum(M)")).isEmpty();
        assertThat(shape("sum(M, 0)")).containsExactly(3);
        assertThat(shape("mean(M, -1)")).containsExactly(4);
        assertThat(shape("max(M, 1)")).containsExactly(4);
        assertThat(shape("softmax(M)")).containsExactly(4, 3);
        assertThat(shape("transpose(M)")).containsExactly(3, 4);
        assertThat(shape("cross_entropy(M, labels)")).isEmpty();
        assertThat(shape("mse(M @ N, M @ N)")).isEmpty();
    }

    @Test
    void a_mismatch_names_both_shapes_and_the_operator_position() {
        assertThatThrownBy(() -> shape("sum(v * u)")).isInstanceOfSatisfying(ExpressionException.class, e -> {
            assertThat(e.position()).isEqualTo(7);
            assertThat(e.getMessage()).contains("[3]").contains("[2]").contains("'*'");
        });
        assertThatThrownBy(() -> shape("M @ M")).isInstanceOfSatisfying(ExpressionException.class, e -> {
            assertThat(e.position()).isEqualTo(3);
            assertThat(e.getMessage()).contains("[4, 3] and [4, 3]").contains("inner dimensions 3 and 4");
        });
        assertThatThrownBy(() -> shape("mse(v, u)")).hasMessageContaining("[3]").hasMessageContaining("[2]");
        assertThatThrownBy(() -> shape("cross_entropy(M, v)")).hasMessageContaining("logits [4, 3] and labels [3]");
        assertThatThrownBy(() -> shape("sum(M, 2)"))
                .hasMessageContaining("dimension 2 is out of range for shape [4, 3]");
        assertThatThrownBy(() -> shape("sum(M, v)")).hasMessageContaining("is a dimension");
    }

    @Test
    void an_unknown_name_is_reported_with_its_position_and_the_known_names() {
        assertThatThrownBy(() -> shape("v + zz")).isInstanceOfSatisfying(ExpressionException.class, e -> {
            assertThat(e.position()).isEqualTo(5);
            assertThat(e.getMessage()).contains("unknown name 'zz'").contains("parameters: s, v");
        });
    }
}
