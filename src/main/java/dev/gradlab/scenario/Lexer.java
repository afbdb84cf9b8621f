package dev.gradlab.scenario;

import java.util.ArrayList;
import java.util.List;

/** Splits a loss expression into tokens, each with its 1-based position. */
final class Lexer {

    enum Kind {
        NUMBER,
        NAME,
        OPERATOR,
        LEFT,
        RIGHT,
        COMMA,
        END
    }

    record Token(Kind kind, String text, int position, double number) {
        String describe() {
            return kind == Kind.END ? "the end of the expression" : "'" + text + "'";
        }
    }

    private Lexer() {}

    static List<Token> tokens(String text) throws ExpressionException {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int start = i;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isDigit(c)
                    || c == '.' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1))) {
                i = number(text, i);
                String digits = text.substring(start, i);
                double value = Double.parseDouble(digits);
                if (!Double.isFinite(value)) {
                    throw new ExpressionException(start + 1, "number " + digits + " is too large");
                }
                tokens.add(new Token(Kind.NUMBER, digits, start + 1, value));
            } else if (Character.isLetter(c) || c == '_') {
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
                    i++;
                }
                tokens.add(new Token(Kind.NAME, text.substring(start, i), start + 1, 0));
            } else if (c == '*' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
                throw new ExpressionException(start + 1, "powers are written with '^' here (x^2), not '**'");
            } else if ("+-*/^@".indexOf(c) >= 0) {
                tokens.add(new Token(Kind.OPERATOR, String.valueOf(c), ++i, 0));
            } else if (c == '(' || c == ')' || c == ',') {
                tokens.add(new Token(
                        c == '(' ? Kind.LEFT : c == ')' ? Kind.RIGHT : Kind.COMMA, String.valueOf(c), ++i, 0));
            } else {
                String hint = c == '\u00b2' ? " (write x^2)" : "";
                throw new ExpressionException(start + 1, "unexpected character '" + c + "'" + hint);
            }
        }
        tokens.add(new Token(Kind.END, "", text.length() + 1, 0));
        return tokens;
    }

    /** The end of the number starting at {@code i}: digits, an optional fraction, an optional exponent. */
    private static int number(String text, int i) {
        while (i < text.length() && Character.isDigit(text.charAt(i))) {
            i++;
        }
        if (i < text.length() && text.charAt(i) == '.') {
            i++;
            while (i < text.length() && Character.isDigit(text.charAt(i))) {
                i++;
            }
        }
        if (i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < text.length() && (text.charAt(j) == '+' || text.charAt(j) == '-')) {
                j++;
            }
            if (j < text.length() && Character.isDigit(text.charAt(j))) {
                i = j;
                while (i < text.length() && Character.isDigit(text.charAt(i))) {
                    i++;
                }
            }
        }
        return i;
    }
}
