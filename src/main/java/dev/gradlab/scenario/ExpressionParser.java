package dev.gradlab.scenario;

import dev.gradlab.scenario.Lexer.Kind;
import dev.gradlab.scenario.Lexer.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * Precedence climbing over {@link Lexer} tokens; see {@link Expression} for the precedence table. A unary sign parses
 * its operand at {@code ^}'s level, which is what makes {@code -x^2} mean {@code -(x^2)}.
 */
final class ExpressionParser {

    private static final int POWER = 4;
    private static final int MAX_DEPTH = 200;

    private final String text;
    private List<Token> tokens = List.of();
    private int next;
    private int depth;

    private final int maxChars;
    private final int maxNodes;

    ExpressionParser(String text) {
        this(text, Limits.MAX_EXPRESSION_CHARS, Limits.MAX_EXPRESSION_NODES);
    }

    /** With other limits than {@link Limits}'s: for tests of what lies beyond them. */
    ExpressionParser(String text, int maxChars, int maxNodes) {
        this.text = text;
        this.maxChars = maxChars;
        this.maxNodes = maxNodes;
    }

    Expression parse() throws ExpressionException {
        if (text.length() > maxChars) {
            throw new ExpressionException(
                    maxChars + 1,
                    String.format(
                            java.util.Locale.ROOT,
                            "the expression has %,d characters, at most %,d are allowed",
                            text.length(),
                            maxChars));
        }
        tokens = Lexer.tokens(text);
        long nodes = tokens.stream()
                .filter(t -> t.kind() == Kind.NUMBER || t.kind() == Kind.NAME || t.kind() == Kind.OPERATOR)
                .count();
        if (nodes > maxNodes) {
            throw new ExpressionException(
                    1,
                    String.format(
                            java.util.Locale.ROOT,
                            "the expression has %,d numbers, names and operators, at most %,d are allowed",
                            nodes,
                            maxNodes));
        }
        if (peek().kind() == Kind.END) {
            throw new ExpressionException(1, "the expression is empty");
        }
        Expression e = binary(1);
        Token t = peek();
        if (t.kind() != Kind.END) {
            throw new ExpressionException(t.position(), "unexpected " + t.describe() + " after a complete expression");
        }
        return e;
    }

    private static int precedence(Token t) {
        if (t.kind() != Kind.OPERATOR) {
            return -1;
        }
        return switch (t.text().charAt(0)) {
            case '+', '-' -> 1;
            case '*', '/', '@' -> 2;
            case '^' -> POWER;
            default -> -1;
        };
    }

    private Expression binary(int minPrecedence) throws ExpressionException {
        if (++depth > MAX_DEPTH) {
            throw new ExpressionException(peek().position(), "the expression is nested too deeply");
        }
        Expression left = unary();
        while (precedence(peek()) >= minPrecedence) {
            Token op = tokens.get(next++);
            int p = precedence(op);
            // '^' is right-associative (2^3^2 = 2^9); the others are left-associative.
            Expression right = binary(p == POWER ? p : p + 1);
            left = new Expression.Binary(op.text().charAt(0), left, right, op.position());
        }
        depth--;
        return left;
    }

    private Expression unary() throws ExpressionException {
        Token t = peek();
        if (t.kind() == Kind.OPERATOR && (t.text().equals("-") || t.text().equals("+"))) {
            next++;
            return new Expression.Unary(t.text().charAt(0), binary(POWER), t.position());
        }
        return primary();
    }

    private Expression primary() throws ExpressionException {
        Token t = tokens.get(next++);
        switch (t.kind()) {
            case NUMBER:
                return new Expression.Num(t.number(), t.position());
            case NAME:
                return name(t);
            case LEFT: {
                Expression inner = binary(1);
                expect(Kind.RIGHT, "')' to close the '(' at position " + t.position());
                return inner;
            }
            default:
                throw new ExpressionException(
                        t.position(), "expected a number, a name or '(' but found " + t.describe());
        }
    }

    private Expression name(Token t) throws ExpressionException {
        var function = Function.byText(t.text());
        if (peek().kind() != Kind.LEFT) {
            if (function.isPresent()) {
                throw new ExpressionException(
                        t.position(), "'" + t.text() + "' is a function: write " + t.text() + "(...)");
            }
            return new Expression.Name(t.text(), t.position());
        }
        if (function.isEmpty()) {
            throw new ExpressionException(
                    t.position(), "unknown function '" + t.text() + "' (functions: " + Function.names() + ")");
        }
        Token open = tokens.get(next++);
        List<Expression> args = new ArrayList<>();
        if (peek().kind() != Kind.RIGHT) {
            args.add(binary(1));
            while (peek().kind() == Kind.COMMA) {
                next++;
                args.add(binary(1));
            }
        }
        expect(Kind.RIGHT, "')' or ',' in the arguments of " + t.text() + "( at position " + open.position());
        Function f = function.get();
        if (args.size() < f.minArgs || args.size() > f.maxArgs) {
            String expected = f.minArgs == f.maxArgs ? String.valueOf(f.minArgs) : f.minArgs + " or " + f.maxArgs;
            throw new ExpressionException(
                    t.position(),
                    f.text() + " takes " + expected + " argument" + (f.maxArgs == 1 ? "" : "s") + ", got "
                            + args.size());
        }
        return new Expression.Call(f, args, t.position());
    }

    private void expect(Kind kind, String what) throws ExpressionException {
        Token t = peek();
        if (t.kind() != kind) {
            throw new ExpressionException(t.position(), "expected " + what + " but found " + t.describe());
        }
        next++;
    }

    private Token peek() {
        return tokens.get(next);
    }
}
