package dev.gradlab.lab;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * Writes a scenario's loss expression as PyTorch: the same text token by token, with {@code ^} as {@code **} and each
 * function mapped to its torch equivalent. It does not re-parse or validate: the scenario parser already did.
 */
final class LossExpression {

    /** name → [replacement name, text added before the closing parenthesis]. */
    private static final Map<String, String[]> FUNCTIONS = Map.ofEntries(
            Map.entry("sum", new String[] {"torch.sum", ""}),
            Map.entry("mean", new String[] {"torch.mean", ""}),
            Map.entry("exp", new String[] {"torch.exp", ""}),
            Map.entry("log", new String[] {"torch.log", ""}),
            Map.entry("sqrt", new String[] {"torch.sqrt", ""}),
            Map.entry("abs", new String[] {"torch.abs", ""}),
            Map.entry("tanh", new String[] {"torch.tanh", ""}),
            Map.entry("sigmoid", new String[] {"torch.sigmoid", ""}),
            Map.entry("relu", new String[] {"torch.relu", ""}),
            Map.entry("max", new String[] {"torch.max", ""}),
            Map.entry("transpose", new String[] {"torch.t", ""}),
            Map.entry("softmax", new String[] {"torch.softmax", ", dim=-1"}),
            Map.entry("log_softmax", new String[] {"torch.log_softmax", ", dim=-1"}),
            Map.entry("mse", new String[] {"F.mse_loss", ""}),
            // labels are stored as doubles; PyTorch wants class indices as integers
            Map.entry("cross_entropy", new String[] {"F.cross_entropy", ".long()"}));

    private LossExpression() {}

    static String toPython(String expression) {
        var out = new StringBuilder();
        Deque<String> closers = new ArrayDeque<>();
        int i = 0;
        int n = expression.length();
        while (i < n) {
            char c = expression.charAt(i);
            if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(expression.charAt(i)) || expression.charAt(i) == '_')) {
                    i++;
                }
                String name = expression.substring(start, i);
                int j = i;
                while (j < n && expression.charAt(j) == ' ') {
                    j++;
                }
                String[] f = FUNCTIONS.get(name);
                if (f != null && j < n && expression.charAt(j) == '(') {
                    out.append(f[0]).append('(');
                    closers.push(f[1]);
                    i = j + 1;
                } else {
                    out.append(name);
                }
                continue;
            }
            if (c == '(') {
                closers.push("");
            } else if (c == ')') {
                out.append(closers.isEmpty() ? "" : closers.pop());
            } else if (c == '^') {
                out.append("**");
                i++;
                continue;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }
}
