package dev.gradlab.classroom.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import dev.gradlab.classroom.ClassException;
import dev.gradlab.classroom.ClassService;
import dev.gradlab.classroom.QuestionKind;
import java.util.Objects;

/** Texts the class pages share: refusals in the page's language, question prompts, numbers. */
final class ClassMessages {

    private ClassMessages() {}

    static String refusal(Component c, ClassException e) {
        String m = Objects.requireNonNullElse(e.getMessage(), "");
        if (e.reason() == ClassException.Reason.NOT_FOUND && m.startsWith("no class")) {
            return c.getTranslation("class.error.not-found");
        }
        if (m.endsWith("has ended")) {
            return c.getTranslation("class.error.ended");
        }
        if (m.contains("is full")) {
            return c.getTranslation("class.error.full");
        }
        if (m.startsWith("you have already answered")) {
            return c.getTranslation("class.error.answered");
        }
        if (m.contains("revealed: answers are closed")) {
            return c.getTranslation("class.error.revealed");
        }
        if (m.endsWith("is not a number")) {
            return c.getTranslation("class.error.not-a-number");
        }
        if (m.startsWith("a nickname has at most")) {
            return c.getTranslation("class.error.nickname");
        }
        // what an instructor can get wrong on the dashboard's number form
        var range = java.util.regex.Pattern.compile("^(step|index) must be between (\\d+) and (\\d+)")
                .matcher(m);
        if (range.find()) {
            return c.getTranslation(
                    range.group(1).equals("step") ? "class.error.step" : "class.error.index",
                    range.group(2),
                    range.group(3));
        }
        if (m.contains(" has no value after step ")) {
            return c.getTranslation(m.endsWith("(.grad is None)") ? "class.error.grad-none" : "class.error.diverged");
        }
        return m;
    }

    /** The question in the page's language; a number question's prompt is built from what it asks. */
    static String prompt(Component c, ClassService.Card card) {
        if (card.prompt() != null) {
            return card.prompt().in(UI.getCurrent().getLocale());
        }
        if (card.kind() == QuestionKind.NUMBER) {
            String param = Objects.requireNonNullElse(card.param(), "");
            return c.getTranslation(
                    "class.question.number", param + "[" + card.index() + "]", card.step(), card.strategy());
        }
        return "";
    }

    /** A number as people write it: 8 rather than 8.0, at most 6 significant digits. */
    static String number(String value) {
        try {
            double d = Double.parseDouble(value);
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d);
            }
            return new java.math.BigDecimal(d)
                    .round(new java.math.MathContext(6))
                    .stripTrailingZeros()
                    .toPlainString();
        } catch (NumberFormatException e) {
            return value;
        }
    }

    /** The correct answer of a card as text: the number, or the correct option. */
    static String correct(Component c, ClassService.Card card) {
        String v = Objects.requireNonNullElse(card.correct(), "");
        if (card.kind() == QuestionKind.NUMBER) {
            return number(v);
        }
        return option(c, card, v);
    }

    static String option(Component c, ClassService.Card card, String index) {
        try {
            return card.options()
                    .get(Integer.parseInt(index))
                    .in(UI.getCurrent().getLocale())
                    .strip();
        } catch (RuntimeException e) {
            return index;
        }
    }
}
