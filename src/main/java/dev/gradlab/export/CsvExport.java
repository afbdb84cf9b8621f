package dev.gradlab.export;

import dev.gradlab.lab.RunResult;
import dev.gradlab.lab.StepRecord;
import dev.gradlab.lab.StrategyRun;
import dev.gradlab.lab.train.EpochRecord;
import dev.gradlab.lab.train.ModelResult;
import dev.gradlab.lab.train.ModelRun;
import dev.gradlab.scenario.TensorData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code csv} export (RFC 4180: a header row, CRLF line ends, fields quoted when they hold a comma, a quote, CR or
 * LF, quotes doubled; UTF-8 when written out). An empty field is a value that does not exist: {@code .grad} still
 * None, no step taken (applied), or a run that has diverged.
 * <ul>
 * <li>Manual and expression scenarios ({@link #steps}): one row per strategy and step, columns {@code strategy,
 * step, epoch, batch, loss}, then three per parameter element: {@code NAME.grad} (the {@code .grad} right after
 * the batch's backward), {@code NAME.applied} (what the optimizer was handed) and {@code NAME} (the value after the
 * step). NAME is the parameter's name for a scalar, {@code w[2]} for an element of a vector and {@code W[0,1]} for
 * row 0, column 1 of a matrix.</li>
 * <li>Model scenarios ({@link #epochs}): one row per strategy and epoch, columns {@code strategy, epoch, trainLoss,
 * testLoss, accuracy}, then two per parameter tensor (e.g. {@code 0.weight}): {@code NAME.gradNorm} and
 * {@code NAME.norm}, the L2 norms of its {@code .grad} and of its values after the epoch's last step.</li>
 * </ul>
 */
public final class CsvExport {

    private CsvExport() {}

    /** Manual and expression scenarios: the step tables. */
    public static String steps(RunResult result) {
        Map<String, TensorData> params = result.params();
        List<String> header = new ArrayList<>(List.of("strategy", "step", "epoch", "batch", "loss"));
        params.forEach((name, p) -> {
            for (String element : elementNames(name, p.shape())) {
                header.add(element + ".grad");
                header.add(element + ".applied");
                header.add(element);
            }
        });
        StringBuilder csv = new StringBuilder();
        row(csv, header);
        for (StrategyRun run : result.runs()) {
            for (StepRecord s : run.steps()) {
                List<String> cells = new ArrayList<>(List.of(
                        run.strategy().name(),
                        Integer.toString(s.step()),
                        Integer.toString(s.epoch()),
                        Integer.toString(s.batch()),
                        number(s.loss())));
                params.forEach((name, p) -> {
                    double[] grad = s.grad().get(name);
                    double[] applied = s.applied() == null ? null : s.applied().get(name);
                    double[] value = s.params().get(name);
                    for (int i = 0; i < p.numel(); i++) {
                        cells.add(element(grad, i));
                        cells.add(element(applied, i));
                        cells.add(element(value, i));
                    }
                });
                row(csv, cells);
            }
        }
        return csv.toString();
    }

    /** Model scenarios: per epoch the losses, the accuracy and each parameter tensor's norms. */
    public static String epochs(ModelResult result) {
        List<String> names = result.runs().isEmpty()
                        || result.runs().get(0).steps().isEmpty()
                ? List.of()
                : List.copyOf(result.runs().get(0).steps().get(0).params().keySet());
        List<String> header = new ArrayList<>(List.of("strategy", "epoch", "trainLoss", "testLoss", "accuracy"));
        for (String name : names) {
            header.add(name + ".gradNorm");
            header.add(name + ".norm");
        }
        StringBuilder csv = new StringBuilder();
        row(csv, header);
        for (ModelRun run : result.runs()) {
            for (EpochRecord e : run.epochs()) {
                List<String> cells = new ArrayList<>(List.of(
                        run.strategy().name(),
                        Integer.toString(e.epoch()),
                        number(e.trainLoss()),
                        number(e.testLoss()),
                        number(e.accuracy())));
                StepRecord last = lastStepOf(run, e.epoch());
                for (String name : names) {
                    cells.add(last == null ? "" : norm(last.grad().get(name), result.norms()));
                    cells.add(last == null ? "" : norm(last.params().get(name), result.norms()));
                }
                row(csv, cells);
            }
        }
        return csv.toString();
    }

    /** Column names of a tensor's elements, row-major: {@code theta}, {@code w[0]}, {@code W[0,1]}. */
    static List<String> elementNames(String name, int[] shape) {
        if (shape.length == 0) {
            return List.of(name);
        }
        List<String> out = new ArrayList<>();
        if (shape.length == 1) {
            for (int i = 0; i < shape[0]; i++) {
                out.add(name + "[" + i + "]");
            }
        } else {
            int cols = 1;
            for (int d = 1; d < shape.length; d++) {
                cols *= shape[d];
            }
            for (int r = 0; r < shape[0]; r++) {
                for (int c = 0; c < cols; c++) {
                    out.add(name + "[" + r + "," + c + "]");
                }
            }
        }
        return out;
    }

    /** One field as RFC 4180 wants it: quoted (quotes doubled) only when it holds a comma, a quote, CR or LF. */
    static String field(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\r') < 0 && text.indexOf('\n') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    private static void row(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(field(cells.get(i)));
        }
        csv.append("\r\n");
    }

    private static @Nullable StepRecord lastStepOf(ModelRun run, int epoch) {
        StepRecord last = null;
        for (StepRecord s : run.steps()) {
            if (s.epoch() == epoch) {
                last = s;
            }
        }
        return last;
    }

    private static String norm(double @Nullable [] values, boolean alreadyNorm) {
        if (values == null) {
            return "";
        }
        if (alreadyNorm) {
            return number(values[0]);
        }
        double s = 0;
        for (double v : values) {
            s += v * v;
        }
        return number(Math.sqrt(s));
    }

    private static String element(double @Nullable [] values, int i) {
        return values == null ? "" : number(values[i]);
    }

    /** Shortest text that reads back to the same double; empty for a missing or non-finite value. */
    private static String number(@Nullable Double v) {
        return v == null || !Double.isFinite(v) ? "" : Double.toString(v);
    }
}
