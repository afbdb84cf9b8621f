package dev.gradlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each kind of bad input: exit status 2, nothing on stdout, one line on stderr naming file, place and cause. */
class BadInputTest {

    private static final String HEAD = "id: bad\ntitle: Bad\n";
    private static final String MANUAL = HEAD + "kind: manual\nlearningRate: 1\nparams: {theta: 10}\n";
    private static final String EXPR = HEAD + "kind: expression\nlearningRate: 0.1\n";

    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("malformed YAML", "bad.yaml", MANUAL + "gradients:\n  - {theta: 2\n",
                        "bad.yaml: line 8: malformed YAML: expected ',' or '}'"),
                Arguments.of("malformed JSON", "bad.json", "{\"id\": \"bad\",\n \"title\": }",
                        "bad.json: line 2: malformed JSON: "),
                Arguments.of("unknown field", "bad.yaml", MANUAL.replace("learningRate", "lerningRate") + "gradients: [{theta: 2}]\n",
                        "bad.yaml: line 4, lerningRate: unknown field 'lerningRate' (did you mean 'learningRate'?"),
                Arguments.of("field of another kind", "bad.yaml", MANUAL + "gradients: [{theta: 2}]\nloss: \"theta\"\n",
                        "bad.yaml: line 7, loss: the field 'loss' belongs to kind: expression"),
                Arguments.of("missing field", "bad.yaml", HEAD + "kind: manual\nparams: {theta: 1}\ngradients: [{theta: 2}]\n",
                        "bad.yaml: learningRate: the field 'learningRate' is required"),
                Arguments.of("unknown name in the loss", "bad.yaml", EXPR + "params: {w: 1}\nloss: \"w * z + 1\"\n",
                        "bad.yaml: line 6, loss, position 5: unknown name 'z' (parameters: w)"),
                Arguments.of("syntax error in the loss", "bad.yaml", EXPR + "params: {w: 1}\nloss: \"(w + 1\"\n",
                        "bad.yaml: line 6, loss, position 7: expected ')' to close the '(' at position 1"),
                Arguments.of("shape mismatch", "bad.yaml", EXPR + "params: {w: [1, 2]}\ndata: {x: [1, 2, 3]}\nloss: \"sum(w * x)\"\n",
                        "bad.yaml: line 7, loss, position 7: shape mismatch for '*': [2] and [3]"),
                Arguments.of("matmul shape mismatch", "bad.yaml", EXPR + "params: {W: [[1, 2], [3, 4]]}\ndata: {X: [[1, 2, 3]]}\nloss: \"sum(X @ W)\"\n",
                        "shape mismatch for '@': [1, 3] and [2, 2]"),
                Arguments.of("non-scalar loss", "bad.yaml", EXPR + "params: {x: [1, 2, 3]}\nloss: \"x^2\"\n",
                        "bad.yaml: line 6, loss, position 1: the loss must be a scalar, but it has shape [3]"),
                Arguments.of("non-finite number", "bad.yaml", EXPR + "params: {x: [1, .inf]}\nloss: \"sum(x)\"\n",
                        "bad.yaml: line 5, params.x[1]: not a finite number: .inf"),
                Arguments.of("overflowing number", "bad.yaml", EXPR + "params: {x: 1e999}\nloss: \"x\"\n",
                        "bad.yaml: line 5, params.x: not a finite number"),
                Arguments.of("manual batch naming an unknown parameter", "bad.yaml", MANUAL + "gradients:\n  - {theta: 2}\n  - {phi: 1}\n",
                        "bad.yaml: line 8, gradients[1].phi: batch 2 names an unknown parameter 'phi' (parameters: theta)"),
                Arguments.of("manual gradient of the wrong shape", "bad.yaml", MANUAL + "gradients: [{theta: [1, 2]}]\n",
                        "shape mismatch: the gradient for 'theta' in batch 1 has shape [2] but the parameter has shape []"),
                Arguments.of("too many batches", "bad.yaml", EXPR + "params: {w: 1}\nloss: \"w^2\"\nsteps: 2001\nepochs: 5\n",
                        "bad.yaml: line 8, epochs: too many batches: 2001 per epoch x 5 epochs = 10005 per run, at most 10,000"),
                Arguments.of("too many numbers", "bad.yaml", EXPR + "params: {w: 1}\ndata: {x: " + zeros(1_000_000) + "}\nloss: \"sum(w * x)\"\n",
                        "bad.yaml: the file is larger than 1 MB (1,048,576 bytes), the limit for a scenario"),
                Arguments.of("too many values to record", "bad.yaml", EXPR + "params: {w: " + zeros(199) + "}\nloss: \"sum(w^2)\"\nsteps: 5001\n",
                        "bad.yaml: line 5, params: too many values to record: 5001 batches x 200 parameter numbers = 1000200"),
                Arguments.of("bad id", "bad.yaml", MANUAL.replace("id: bad", "id: Bad Id") + "gradients: [{theta: 2}]\n",
                        "bad.yaml: line 1, id: id 'Bad Id' must be 1 to 64 characters"),
                Arguments.of("unknown strategy", "bad.yaml", MANUAL + "gradients: [{theta: 2}]\nstrategies: [zeroed, momentum]\n",
                        "bad.yaml: line 7, strategies[1]: unknown strategy the text \"momentum\""),
                Arguments.of("accumulate below 2", "bad.yaml", MANUAL + "gradients: [{theta: 2}]\nstrategies: [{accumulate: 1}]\n",
                        "strategies[0].accumulate: expected a whole number >= 2, found 1"),
                Arguments.of("labels that are not class indices", "bad.yaml", EXPR
                        + "params: {W: [[1, 0], [0, 1]]}\ndata: {X: [[1, 2], [3, 4]], y: [0, 2]}\nloss: \"cross_entropy(X @ W, y)\"\n",
                        "bad.yaml: line 7, loss, position 22: cross_entropy labels are class indices 0..1, but row 1 of data column 'y' holds 2.0"),
                Arguments.of("duplicate field", "bad.yaml", MANUAL + "params: {theta: 1}\ngradients: [{theta: 2}]\n",
                        "bad.yaml: line 6: duplicate field 'params'"),
                Arguments.of("two documents", "bad.yaml", MANUAL + "gradients: [{theta: 2}]\n---\nid: other\n",
                        "bad.yaml: line 8: a file holds exactly one scenario"),
                Arguments.of("empty file", "bad.yaml", "", "bad.yaml: line 1: a scenario file is one mapping of fields"));
    }

    private static String zeros(int n) {
        return "[" + "0,".repeat(n) + "0]";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void bad_input_exits_with_status_two_and_one_clear_line(String what, String fileName, String content,
            String expected) throws Exception {
        Path file = dir.resolve(fileName);
        Files.writeString(file, content);
        CliRun r = CliRun.of("run", file.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).endsWith("\n");
        String line = r.err().substring(0, r.err().length() - 1);
        assertThat(line).doesNotContain("\n").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(line).startsWith(dir.toString() + "/");
        assertThat(line.substring(dir.toString().length() + 1)).contains(expected);
    }

    @Test
    void a_directory_is_not_a_scenario() {
        CliRun r = CliRun.of("run", dir.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo(dir + ": is a directory, not a scenario file");
    }
}
