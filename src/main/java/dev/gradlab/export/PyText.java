package dev.gradlab.export;

import java.util.List;

/** Python literals for strings. */
final class PyText {

    private PyText() {}

    /** A double-quoted Python string literal (backslashes, quotes and control characters escaped). */
    static String string(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\x%02x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    static String strings(List<String> list) {
        return "[" + String.join(", ", list.stream().map(PyText::string).toList()) + "]";
    }
}
