package dev.gradlab.classroom;

import java.util.Locale;

/** Who moves the class through the steps. */
public enum Pace {
    INSTRUCTOR,
    STUDENT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Pace parse(String text) {
        for (Pace p : values()) {
            if (p.wireName().equals(text)) {
                return p;
            }
        }
        throw new ClassException(
                ClassException.Reason.INVALID,
                "pace must be \"instructor\" or \"student\", found '" + ClassException.oneLine(text) + "'");
    }
}
