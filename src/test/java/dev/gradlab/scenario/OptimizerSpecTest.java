package dev.gradlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradlab.scenario.OptimizerSpec.Type;
import org.junit.jupiter.api.Test;

class OptimizerSpecTest {

    @Test
    void each_with_changes_its_own_parameter_and_keeps_every_other() {
        OptimizerSpec o = new OptimizerSpec(Type.SGD, 0.1, 0.2, 0.3, false, 0.4, 0.5, 0.6);
        assertThat(o.withMomentum(9)).isEqualTo(new OptimizerSpec(Type.SGD, 9, 0.2, 0.3, false, 0.4, 0.5, 0.6));
        assertThat(o.withDampening(9)).isEqualTo(new OptimizerSpec(Type.SGD, 0.1, 9, 0.3, false, 0.4, 0.5, 0.6));
        assertThat(o.withWeightDecay(9)).isEqualTo(new OptimizerSpec(Type.SGD, 0.1, 0.2, 9, false, 0.4, 0.5, 0.6));
        assertThat(o.withNesterov(true)).isEqualTo(new OptimizerSpec(Type.SGD, 0.1, 0.2, 0.3, true, 0.4, 0.5, 0.6));
        assertThat(o.withBeta1(9)).isEqualTo(new OptimizerSpec(Type.SGD, 0.1, 0.2, 0.3, false, 9, 0.5, 0.6));
        assertThat(o.withBeta2(9)).isEqualTo(new OptimizerSpec(Type.SGD, 0.1, 0.2, 0.3, false, 0.4, 9, 0.6));
        assertThat(o.withEps(9)).isEqualTo(new OptimizerSpec(Type.SGD, 0.1, 0.2, 0.3, false, 0.4, 0.5, 9));
    }
}
