package dev.gradlab.lab.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import dev.gradlab.base.ui.formula.Formula;
import dev.gradlab.base.ui.i18n.Numbers;
import dev.gradlab.lab.UpdateFormulas;
import dev.gradlab.scenario.GradientStrategy;
import java.util.List;
import java.util.Map;

/**
 * Lesson widget 2: for each strategy, the update rule and every step's update with the run's own numbers substituted,
 * then the parameter's path as plain text (which screen readers and tests read too).
 */
final class HandWorkedExample extends Composite<Div> {

    HandWorkedExample(String param, Map<GradientStrategy, List<UpdateFormulas.Formula>> formulas) {
        getContent().addClassName("gradlab-cards");
        formulas.forEach((strategy, steps) -> getContent().add(card(param, strategy, steps)));
    }

    private Div card(String param, GradientStrategy strategy, List<UpdateFormulas.Formula> steps) {
        Div card = new Div();
        card.addClassName("gradlab-card");
        card.setId("hand-" + strategy.name());
        card.add(new H3(StrategyText.label(this, strategy)));
        Paragraph description = new Paragraph(StrategyText.description(this, strategy));
        description.addClassName("gradlab-muted");
        card.add(description);
        card.add(Formula.display(UpdateFormulas.rule(param, strategy)));
        for (UpdateFormulas.Formula f : steps) {
            Formula formula = Formula.display(f.latex());
            formula.setId("hand-" + strategy.name() + "-formula-" + f.step());
            card.add(formula);
        }
        Div path = new Div();
        path.addClassName("gradlab-path");
        String symbol = "theta".equals(param) ? "θ" : param;
        path.add(new Span(symbol + ": "));
        path.add(value(strategy, 0, steps.isEmpty() ? Double.NaN : steps.get(0).before()));
        for (UpdateFormulas.Formula f : steps) {
            path.add(new Span(" → "));
            path.add(value(strategy, f.step(), f.after()));
        }
        card.add(path);
        return card;
    }

    private Span value(GradientStrategy strategy, int step, double v) {
        Span s = new Span(Numbers.format(v, getLocale()));
        s.setId("hand-" + strategy.name() + "-" + step);
        s.getElement()
                .setAttribute(
                        "title", getTranslation("lesson.part2.result", "θ", step, Numbers.format(v, getLocale())));
        return s;
    }
}
