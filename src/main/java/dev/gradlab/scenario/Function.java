package dev.gradlab.scenario;

import java.util.Arrays;
import java.util.Optional;

/** The functions of the loss language, named as in PyTorch; an optional second argument is a dimension. */
public enum Function {
    SUM(1, 2),
    MEAN(1, 2),
    MAX(1, 2),
    SOFTMAX(1, 2),
    LOG_SOFTMAX(1, 2),
    EXP(1, 1),
    LOG(1, 1),
    SQRT(1, 1),
    ABS(1, 1),
    TANH(1, 1),
    SIGMOID(1, 1),
    RELU(1, 1),
    TRANSPOSE(1, 1),
    MSE(2, 2),
    CROSS_ENTROPY(2, 2);

    final int minArgs;
    final int maxArgs;

    Function(int minArgs, int maxArgs) {
        this.minArgs = minArgs;
        this.maxArgs = maxArgs;
    }

    /** The name in the language: {@code log_softmax}, {@code cross_entropy}. */
    public String text() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether the second argument, when given, is a dimension (an integer literal) rather than a tensor. */
    boolean takesDim() {
        return maxArgs == 2 && minArgs == 1;
    }

    static Optional<Function> byText(String text) {
        return Arrays.stream(values()).filter(f -> f.text().equals(text)).findFirst();
    }

    static String names() {
        return String.join(" ", Arrays.stream(values()).map(Function::text).toList());
    }
}
