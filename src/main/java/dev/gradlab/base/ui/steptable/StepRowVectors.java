package dev.gradlab.base.ui.steptable;

import com.vaadin.flow.function.SerializableFunction;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Picks one of a row's vector maps (a named function type keeps the nullness of the map readable). */
@FunctionalInterface
interface StepRowVectors extends SerializableFunction<StepRow, @Nullable Map<String, double @Nullable []>> {

    StepRowVectors APPLIED = StepRow::applied;

    default @Nullable Map<String, double @Nullable []> of(StepRow r) {
        return apply(r);
    }
}
