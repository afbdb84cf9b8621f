package dev.gradlab.scenario;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Bottom-up walks over an {@link Expression} with an explicit stack instead of recursion: a loss such as
 * {@code w + w + … + w} parses into a left-leaning tree as deep as it is long, and must never cost a
 * StackOverflowError. Children are visited left to right, as the recursive evaluator did.
 */
final class ExpressionWalk {

    /** What a node becomes, given what its children became (in order). */
    @FunctionalInterface
    interface Fold<R, X extends Exception> {
        R apply(Expression e, List<R> children) throws X;
    }

    private ExpressionWalk() {}

    static List<Expression> children(Expression e) {
        if (e instanceof Expression.Unary u) {
            return List.of(u.operand());
        } else if (e instanceof Expression.Binary b) {
            return List.of(b.left(), b.right());
        } else if (e instanceof Expression.Call c) {
            return c.args();
        }
        return List.of();
    }

    static <R, X extends Exception> R fold(Expression root, Fold<R, X> fold) throws X {
        ArrayDeque<Expression> nodes = new ArrayDeque<>();
        ArrayDeque<Integer> next = new ArrayDeque<>();
        List<R> results = new ArrayList<>();
        nodes.push(root);
        next.push(0);
        while (!nodes.isEmpty()) {
            Expression e = nodes.peek();
            int i = next.pop();
            List<Expression> children = children(e);
            if (i < children.size()) {
                next.push(i + 1);
                nodes.push(children.get(i));
                next.push(0);
            } else {
                nodes.pop();
                int from = results.size() - children.size();
                List<R> args = new ArrayList<>(results.subList(from, results.size()));
                results.subList(from, results.size()).clear();
                results.add(fold.apply(e, args));
            }
        }
        return results.get(0);
    }

    /** Every node, parents before children (for checks that look at each node once). */
    static List<Expression> nodes(Expression root) {
        List<Expression> out = new ArrayList<>();
        ArrayDeque<Expression> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Expression e = stack.pop();
            out.add(e);
            List<Expression> children = children(e);
            for (int i = children.size() - 1; i >= 0; i--) {
                stack.push(children.get(i));
            }
        }
        return out;
    }

    /** The fully parenthesised text of {@link Expression#toString()}, in linear time and without recursion. */
    static String text(Expression root) {
        StringBuilder s = new StringBuilder();
        ArrayDeque<Object> stack = new ArrayDeque<>(); // an Expression to write, or a String to append
        stack.push(root);
        while (!stack.isEmpty()) {
            Object o = stack.pop();
            if (o instanceof String str) {
                s.append(str);
            } else if (o instanceof Expression.Unary u) {
                stack.push(")");
                stack.push(u.operand());
                s.append('(').append(u.op());
            } else if (o instanceof Expression.Binary b) {
                stack.push(")");
                stack.push(b.right());
                stack.push(" " + b.op() + " ");
                stack.push(b.left());
                s.append('(');
            } else if (o instanceof Expression.Call c) {
                s.append(c.function().text()).append('(');
                stack.push(")");
                for (int i = c.args().size() - 1; i >= 0; i--) {
                    stack.push(c.args().get(i));
                    if (i > 0) {
                        stack.push(", ");
                    }
                }
            } else {
                s.append(o); // Num, Name: leaves
            }
        }
        return s.toString();
    }
}
