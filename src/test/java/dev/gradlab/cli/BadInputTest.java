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
                Arguments.of(
                        "malformed YAML",
                        "bad.yaml",
                        MANUAL + "gradients:\n  - {theta: 2\n",
                        "bad.yaml: line 8: malformed YAML: expected ',' or '}'"),
                Arguments.of(
                        "malformed JSON",
                        "bad.json",
                        "{\"id\": \"bad\",\n \"title\": }",
                        "bad.json: line 2: malformed JSON: "),
                Arguments.of(
                        "unknown field",
                        "bad.yaml",
                        MANUAL.replace("learningRate", "lerningRate") + "gradients: [{theta: 2}]\n",
                        "bad.yaml: line 4, lerningRate: unknown field 'lerningRate' (did you mean 'learningRate'?"),
                Arguments.of(
                        "field of another kind",
                        "bad.yaml",
                        MANUAL + "gradients: [{theta: 2}]\nloss: \"theta\"\n",
                        "bad.yaml: line 7, loss: the field 'loss' belongs to kind: expression"),
                Arguments.of(
                        "missing field",
                        "bad.yaml",
                        HEAD + "kind: manual\nparams: {theta: 1}\ngradients: [{theta: 2}]\n",
                        "bad.yaml: learningRate: the field 'learningRate' is required"),
                Arguments.of(
                        "unknown name in the loss",
                        "bad.yaml",
                        EXPR + "params: {w: 1}\nloss: \"w * z + 1\"\n",
                        "bad.yaml: line 6, loss, position 5: unknown name 'z' (parameters: w)"),
                Arguments.of(
                        "syntax error in the loss",
                        "bad.yaml",
                        EXPR + "params: {w: 1}\nloss: \"(w + 1\"\n",
                        "bad.yaml: line 6, loss, position 7: expected ')' to close the '(' at position 1"),
                Arguments.of(
                        "shape mismatch",
                        "bad.yaml",
                        EXPR + "params: {w: [1, 2]}\ndata: {x: [1, 2, 3]}\nloss: \"sum(w * x)\"\n",
                        "bad.yaml: line 7, loss, position 7: shape mismatch for '*': [2] and [3]"),
                Arguments.of(
                        "matmul shape mismatch",
                        "bad.yaml",
                        EXPR + "params: {W: [[1, 2], [3, 4]]}\ndata: {X: [[1, 2, 3]]}\nloss: \"sum(X @ W)\"\n",
                        "shape mismatch for '@': [1, 3] and [2, 2]"),
                Arguments.of(
                        "non-scalar loss",
                        "bad.yaml",
                        EXPR + "params: {x: [1, 2, 3]}\nloss: \"x^2\"\n",
                        "bad.yaml: line 6, loss, position 1: the loss must be a scalar, but it has shape [3]"),
                Arguments.of(
                        "non-finite number",
                        "bad.yaml",
                        EXPR + "params: {x: [1, .inf]}\nloss: \"sum(x)\"\n",
                        "bad.yaml: line 5, params.x[1]: not a finite number: .inf"),
                Arguments.of(
                        "overflowing number",
                        "bad.yaml",
                        EXPR + "params: {x: 1e999}\nloss: \"x\"\n",
                        "bad.yaml: line 5, params.x: not a finite number"),
                Arguments.of(
                        "manual batch naming an unknown parameter",
                        "bad.yaml",
                        MANUAL + "gradients:\n  - {theta: 2}\n  - {phi: 1}\n",
                        "bad.yaml: line 8, gradients[1].phi: batch 2 names an unknown parameter 'phi' (parameters: theta)"),
                Arguments.of(
                        "manual gradient of the wrong shape",
                        "bad.yaml",
                        MANUAL + "gradients: [{theta: [1, 2]}]\n",
                        "shape mismatch: the gradient for 'theta' in batch 1 has shape [2] but the parameter has shape []"),
                Arguments.of(
                        "too many batches",
                        "bad.yaml",
                        EXPR + "params: {w: 1}\nloss: \"w^2\"\nsteps: 2001\nepochs: 5\n",
                        "bad.yaml: line 8, epochs: too many batches: 2001 per epoch x 5 epochs = 10005 per run, at most 10,000"),
                Arguments.of(
                        "too many numbers",
                        "bad.yaml",
                        EXPR + "params: {w: 1}\ndata: {x: " + zeros(1_000_000) + "}\nloss: \"sum(w * x)\"\n",
                        "bad.yaml: the file is larger than 1 MB (1,048,576 bytes), the limit for a scenario"),
                Arguments.of(
                        "too many values to record",
                        "bad.yaml",
                        EXPR + "params: {w: " + zeros(199) + "}\nloss: \"sum(w^2)\"\nsteps: 5001\n",
                        "bad.yaml: line 5, params: too many values to record: 5001 batches x 200 parameter numbers = 1000200"),
                Arguments.of(
                        "bad id",
                        "bad.yaml",
                        MANUAL.replace("id: bad", "id: Bad Id") + "gradients: [{theta: 2}]\n",
                        "bad.yaml: line 1, id: id 'Bad Id' must be 1 to 64 characters"),
                Arguments.of(
                        "unknown strategy",
                        "bad.yaml",
                        MANUAL + "gradients: [{theta: 2}]\nstrategies: [zeroed, momentum]\n",
                        "bad.yaml: line 7, strategies[1]: unknown strategy the text \"momentum\""),
                Arguments.of(
                        "accumulate below 2",
                        "bad.yaml",
                        MANUAL + "gradients: [{theta: 2}]\nstrategies: [{accumulate: 1}]\n",
                        "strategies[0].accumulate: expected a whole number >= 2, found 1"),
                Arguments.of(
                        "labels that are not class indices",
                        "bad.yaml",
                        EXPR
                                + "params: {W: [[1, 0], [0, 1]]}\ndata: {X: [[1, 2], [3, 4]], y: [0, 2]}\nloss: \"cross_entropy(X @ W, y)\"\n",
                        "bad.yaml: line 7, loss, position 22: cross_entropy labels are class indices 0..1, but row 1 of data column 'y' holds 2.0"),
                Arguments.of(
                        "duplicate field",
                        "bad.yaml",
                        MANUAL + "params: {theta: 1}\ngradients: [{theta: 2}]\n",
                        "bad.yaml: line 6: duplicate field 'params'"),
                Arguments.of(
                        "two documents",
                        "bad.yaml",
                        MANUAL + "gradients: [{theta: 2}]\n---\nid: other\n",
                        "bad.yaml: line 8: a file holds exactly one scenario"),
                Arguments.of(
                        "empty file", "bad.yaml", "", "bad.yaml: line 1: a scenario file is one mapping of fields"),
                // hostile input: bounded before parsing, and short messages
                Arguments.of(
                        "a 2 MB title",
                        "bad.yaml",
                        MANUAL.replace("title: Bad", "title: " + "t".repeat(2_000_000)) + "gradients: [{theta: 2}]\n",
                        "bad.yaml: the file is larger than 1 MB"),
                Arguments.of(
                        "a 2 MB number",
                        "bad.yaml",
                        EXPR + "params: {w: 1" + "0".repeat(2_000_000) + "}\nloss: \"w\"\n",
                        "bad.yaml: the file is larger than 1 MB"),
                Arguments.of(
                        "a 900 kB id is quoted cut short",
                        "bad.yaml",
                        MANUAL.replace("id: bad", "id: " + "X".repeat(900_000)) + "gradients: [{theta: 2}]\n",
                        "bad.yaml: line 1, id: id '" + "X".repeat(39) + "…' must be 1 to 64"),
                Arguments.of(
                        "a 5,000-digit number",
                        "bad.yaml",
                        EXPR + "params: {w: 1" + "0".repeat(5_000) + "}\nloss: \"w\"\n",
                        "bad.yaml: line 5, params.w: expected a number, found the text \"1" + "0".repeat(38) + "…\""),
                Arguments.of(
                        "a loss of 100,000 terms",
                        "bad.yaml",
                        EXPR + "params: {w: 1}\nloss: \"" + "w + ".repeat(99_999) + "w\"\n",
                        "bad.yaml: line 6, loss, position 10001: the expression has 399,997 characters, at most 10,000"),
                Arguments.of(
                        "a chain of 100,000 products",
                        "bad.yaml",
                        EXPR + "params: {A: [[1, 0], [0, 1]]}\nloss: \"sum(" + "A@".repeat(99_999) + "A)\"\n",
                        "loss, position 10001: the expression has 200,004 characters"),
                Arguments.of(
                        "a loss of 2,600 terms",
                        "bad.yaml",
                        EXPR + "params: {w: 1}\nloss: \"" + "w+".repeat(2_599) + "w\"\n",
                        "bad.yaml: line 6, loss, position 1: the expression has 5,199 numbers, names and operators, at most 5,000"),
                Arguments.of(
                        "lists nested 10,000 deep",
                        "bad.yaml",
                        EXPR + "params: {w: " + "[".repeat(10_000) + "1" + "]".repeat(10_000) + "}\nloss: \"w\"\n",
                        "bad.yaml: line 5: malformed YAML: lists and mappings nested more than 64 levels deep"),
                Arguments.of(
                        "alias bomb",
                        "bad.yaml",
                        EXPR + "params: {w: 1}\nloss: \"w\"\n" + laughs(),
                        "bad.yaml: line 7"),
                Arguments.of(
                        "accumulate one billion",
                        "bad.yaml",
                        MANUAL + "gradients: [{theta: 2}]\nstrategies: [{accumulate: 1000000000}]\n",
                        "bad.yaml: line 7, strategies[0].accumulate: accumulate: K is at most 10,000 (the batch limit of a run), found 1,000,000,000"),
                Arguments.of(
                        "accumulate-999999999 by name",
                        "bad.yaml",
                        MANUAL + "gradients: [{theta: 2}]\nstrategies: [accumulate-999999999]\n",
                        "bad.yaml: line 7, strategies[0]: accumulate: K is at most 10,000 (the batch limit of a run), found 999,999,999"),
                Arguments.of(
                        "billions of multiply-adds",
                        "bad.yaml",
                        EXPR + "params: {w: 1}\ndata: {X: " + matrix(300)
                                + "}\nloss: \"w * sum(X @ X @ X @ X @ X @ X @ X @ X @ X @ X)\"\nepochs: 100\n",
                        // per batch: 9 products of 300 x 300 x 300 (243,000,000), sum() 2 x 90,000, w * at the
                        // 10,000 minimum per operation; x3 with backward, x 100 epochs x 3 strategies
                        "bad.yaml: line 8, epochs: too much work for one run: about 218,871,000,000 multiply-adds"),
                Arguments.of(
                        "a model with 100,000 batches",
                        "bad.yaml",
                        HEAD + "kind: model\nlearningRate: 0.1\n"
                                + "dataset: {name: spiral, samples: 100000}\nmodel: {layers: [2, 2]}\nbatchSize: 1\nepochs: 2\n",
                        "bad.yaml: line 8, epochs: too many batches: 75000 per epoch (75000 training examples in batches of 1)"),
                Arguments.of(
                        "a model on a folder in batches of 1",
                        "bad.yaml",
                        HEAD + "kind: model\nlearningRate: 0.1\n"
                                + "dataset: {name: mnist, folder: /usr/share/datasets/mnist}\nmodel: {layers: [784, 10]}\nbatchSize: 1\n",
                        "bad.yaml: line 7, batchSize: too many batches: 60000 per epoch (60000 training examples"),
                Arguments.of(
                        "a model with a huge batch and epoch count",
                        "bad.yaml",
                        HEAD + "kind: model\nlearningRate: 0.1\n"
                                + "dataset: {name: spiral, samples: 100000}\nmodel: {layers: [2, 2]}\nbatchSize: 2147483647\nepochs: 10000\n",
                        "bad.yaml: line 8, epochs: too many training examples per run: 75,000 x 10000 epochs = 750,000,000"),
                Arguments.of(
                        "a model of too much work",
                        "bad.yaml",
                        HEAD + "kind: model\nlearningRate: 0.1\n"
                                + "dataset: {name: fashion-mnist}\nmodel: {layers: [784, 1000, 10]}\nbatchSize: 6000\nepochs: 10\n",
                        // 794,000 per example x (3 x 6,000 training + 1,000 test) x 10 epochs x 3 strategies, plus
                        // 1 batch x 10 epochs x 12 operations x 10,000 x 3 strategies
                        "bad.yaml: line 8, epochs: too much work for one run: about 452,583,600,000 multiply-adds"));
    }

    /** Nine levels of aliases, each a list of ten of the level below: 10^9 strings if expanded. */
    private static String laughs() {
        StringBuilder s = new StringBuilder("a0: &a0 [lol]\n");
        for (int i = 1; i <= 9; i++) {
            s.append("a")
                    .append(i)
                    .append(": &a")
                    .append(i)
                    .append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(10, "*a" + (i - 1))))
                    .append("]\n");
        }
        return s.toString();
    }

    private static String matrix(int n) {
        String row = "[" + "1,".repeat(n - 1) + "1]";
        return "[" + (row + ",").repeat(n - 1) + row + "]";
    }

    private static String zeros(int n) {
        return "[" + "0,".repeat(n) + "0]";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void bad_input_exits_with_status_two_and_one_clear_line(
            String what, String fileName, String content, String expected) throws Exception {
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
    void dev_zero_and_dev_urandom_are_refused_unread() {
        for (String device : new String[] {"/dev/zero", "/dev/urandom"}) {
            CliRun r = CliRun.of("run", device);
            assertThat(r.status()).isEqualTo(2);
            assertThat(r.err().strip())
                    .isEqualTo(device + ": not a regular file (a pipe, a device or a socket is never read)");
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(10)
    void a_named_pipe_without_a_writer_is_refused_instead_of_blocking() throws Exception {
        Path fifo = dir.resolve("pipe.yaml");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor())
                .isZero();
        CliRun r = CliRun.of("run", fifo.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err().strip())
                .endsWith("pipe.yaml: not a regular file (a pipe, a device or a socket is never read)");
    }

    @Test
    void a_batch_size_of_2147483647_is_one_batch_of_all_rows_not_zero_steps() throws Exception {
        Path file = dir.resolve("big.yaml");
        // theta = 0, loss mean((theta - y)^2) over y = [1, 2, 3]: gradient -2 mean(y) = -4, lr 0.1: theta becomes 0.4
        Files.writeString(
                file,
                EXPR + "params: {theta: 0}\ndata: {y: [1, 2, 3]}\nloss: \"mean((theta - y)^2)\"\n"
                        + "batchSize: 2147483647\nstrategies: [zeroed]\n");
        CliRun r = CliRun.of("run", file.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isZero();
        assertThat(r.out().split("\"step\":", -1)).hasSize(2); // exactly one step
        assertThat(r.out().replaceAll("\\s", "")).contains("\"params\":{\"theta\":[0.4]");
    }

    @Test
    void a_model_batch_size_of_2147483647_trains_one_full_batch_per_epoch() throws Exception {
        Path file = dir.resolve("model.yaml");
        Files.writeString(
                file,
                HEAD + "kind: model\nlearningRate: 0.1\ndataset: {name: xor, samples: 40}\n"
                        + "model: {layers: [2, 2]}\nbatchSize: 2147483647\nepochs: 3\nstrategies: [zeroed]\n");
        CliRun r = CliRun.of("run", file.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isZero();
        assertThat(r.out().split("\"step\":", -1)).hasSize(4); // 3 epochs x 1 batch
    }

    private static boolean workerAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("gradlab-run") && t.isAlive());
    }

    @Test
    @org.junit.jupiter.api.Timeout(10)
    void a_run_past_its_deadline_is_cancelled_with_status_two_and_one_line() throws Exception {
        Path file = dir.resolve("slow.yaml");
        // about 1.5e10 multiply-adds: allowed by the budget, far more than 0.2 s
        Files.writeString(
                file,
                EXPR + "params: {w: " + "[" + "1,".repeat(199) + "1]" + "}\ndata: {X: " + matrix(200)
                        + "}\nloss: \"sum((X @ X @ X @ w)^2)\"\nepochs: 100\nbatchSize: 200\n");
        System.setProperty("gradlab.run.deadline", "0.2");
        try {
            long start = System.nanoTime();
            CliRun r = CliRun.of("run", file.toString());
            assertThat(r.status()).isEqualTo(2);
            assertThat(r.out()).isEmpty();
            assertThat(r.err().strip())
                    .isEqualTo(file + ": cancelled: the run took longer than its deadline of 0.2 s"
                            + " (-Dgradlab.run.deadline=SECONDS sets another)");
            assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
            // and the worker does not compute on in the background: it stops at its next step
            long until = System.nanoTime() + 3_000_000_000L;
            while (workerAlive() && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertThat(workerAlive())
                    .as("the cancelled run's worker thread is still computing")
                    .isFalse();
        } finally {
            System.clearProperty("gradlab.run.deadline");
        }
    }

    @Test
    void a_bad_deadline_setting_is_refused_in_one_line() {
        System.setProperty("gradlab.run.deadline", "soon");
        try {
            CliRun r = CliRun.of("run", dir.resolve("any.yaml").toString());
            assertThat(r.status()).isEqualTo(2);
            assertThat(r.err().strip())
                    .isEqualTo("gradlab: gradlab.run.deadline must be a number of seconds in (0, 86400],"
                            + " found 'soon'");
        } finally {
            System.clearProperty("gradlab.run.deadline");
        }
    }

    @Test
    void a_directory_is_not_a_scenario() {
        CliRun r = CliRun.of("run", dir.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo(dir + ": is a directory, not a scenario file");
    }
}
