package dev.gradlab.classroom;

import java.util.Locale;

/** A number to predict, a choice among options, or the line of a PyTorch loop that holds the bug. */
public enum QuestionKind {
    NUMBER,
    CHOICE,
    BUG;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static QuestionKind parse(String text) {
        for (QuestionKind k : values()) {
            if (k.wireName().equals(text)) {
                return k;
            }
        }
        throw new ClassException(
                ClassException.Reason.INVALID,
                "kind must be \"number\", \"choice\" or \"bug\", found '" + ClassException.oneLine(text) + "'");
    }
}
