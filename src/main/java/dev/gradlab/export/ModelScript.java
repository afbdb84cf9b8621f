package dev.gradlab.export;

import dev.gradlab.lab.CodeTexts;
import dev.gradlab.lab.PyTorchCode;
import dev.gradlab.lab.data.Dataset;
import dev.gradlab.lab.data.FashionMnist;
import dev.gradlab.lab.data.TrainTest;
import dev.gradlab.lab.train.ModelTrainer;
import dev.gradlab.scenario.ModelScenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code pytorch} export of a model scenario: the same MLP as {@code nn.Sequential}, started from the weights
 * GradLab drew, trained on the same batches in the same order (both embedded), evaluated after every epoch in eval
 * mode under no-grad, printing the {@code run} JSON (epochs, then steps, with L2 norms per tensor for models over
 * {@link ModelTrainer#FULL_VALUES_LIMIT} values). The 2-D data sets are embedded; image sets are read from the folder
 * of IDX files named on the command line, and normalised as GradLab does. Dropout draws its own random numbers in
 * PyTorch, so with dropout &gt; 0 the numbers cannot agree.
 */
public final class ModelScript {

    private ModelScript() {}

    public static String of(ModelScenario spec, Locale locale) {
        ModelScenario scenario = spec;
        CodeTexts t = new CodeTexts(locale);
        PyTorchScript.Script py = new PyTorchScript.Script();
        PyTorchScript.header(py, scenario, locale, t);
        py.line("SCENARIO_ID = " + PyText.string(scenario.id()));
        py.line("STRATEGIES = " + PyText.strings(PyTorchScript.names(scenario.strategies())));
        py.line("EPOCHS = " + spec.epochs());
        py.line("LR = " + PyTorchCode.number(spec.learningRate()));
        py.line("BATCH_SIZE = " + spec.batchSize());
        py.line("NORMS = " + (spec.parameterCount() > ModelTrainer.FULL_VALUES_LIMIT ? "True" : "False") + "  # "
                + t.get("norms"));
        py.line("");
        TrainTest data = ModelTrainer.data(spec);
        if (data.train().isImage()) {
            images(py, spec, t);
        } else {
            points(py, data, t);
        }
        orders(py, ModelTrainer.batchOrders(spec), t);
        model(py, spec, t);
        PyTorchScript.optimizer(py, spec.optimizer());
        trainingLoop(py, t);
        PyTorchScript.output(py, t);
        return py.text();
    }

    /** The 2-D sets: every point and label, written out. */
    private static void points(PyTorchScript.Script py, TrainTest data, CodeTexts t) {
        py.comment("", t.get("points", data.train().name()));
        for (var part : List.of(Map.entry("TRAIN", data.train()), Map.entry("TEST", data.test()))) {
            Dataset d = part.getValue();
            List<String> rows = new ArrayList<>();
            for (double[] x : d.x()) {
                List<String> v = new ArrayList<>();
                for (double c : x) {
                    v.add(PyTorchCode.number(c));
                }
                rows.add("[" + String.join(", ", v) + "]");
            }
            py.line(part.getKey() + "_X = torch.tensor([");
            for (String row : rows) {
                py.line("    " + row + ",");
            }
            py.line("])");
            py.line(part.getKey() + "_Y = torch.tensor(" + ints(d.y()) + ")");
        }
        py.line("");
        py.line("");
    }

    /** Image sets: the four IDX files from the folder given on the command line, scaled and normalised. */
    private static void images(PyTorchScript.Script py, ModelScenario spec, CodeTexts t) {
        boolean mnist = spec.dataset().equals("mnist");
        py.line("import gzip");
        py.line("import os");
        py.line("");
        py.line("MEAN = " + PyTorchCode.number(mnist ? FashionMnist.MNIST_MEAN : FashionMnist.MEAN));
        py.line("STD = " + PyTorchCode.number(mnist ? FashionMnist.MNIST_STD : FashionMnist.STD));
        py.line("");
        py.line("");
        py.line("def read_idx(folder, name):");
        py.line("    \"\"\"" + t.get("idx") + "\"\"\"");
        py.line("    path = os.path.join(folder, name)");
        py.line("    raw = open(path, \"rb\").read() if os.path.exists(path) else gzip.open(path + \".gz\").read()");
        py.line("    dims = raw[3]");
        py.line("    shape = [int.from_bytes(raw[4 + 4 * i:8 + 4 * i], \"big\") for i in range(dims)]");
        py.line("    values = torch.frombuffer(bytearray(raw[4 + 4 * dims:]), dtype=torch.uint8)");
        py.line("    return values.reshape(shape[0], -1) if dims > 1 else values");
        py.line("");
        py.line("");
        py.line("if len(sys.argv) != 2:");
        py.line("    sys.exit(\"usage: python3 \" + sys.argv[0] + \" FOLDER   (" + t.get("folder") + ")\")");
        py.line("TRAIN_X = (read_idx(sys.argv[1], \"" + FashionMnist.TRAIN_IMAGES
                + "\").double() / 255.0 - MEAN) / STD");
        py.line("TRAIN_Y = read_idx(sys.argv[1], \"" + FashionMnist.TRAIN_LABELS + "\").long()");
        py.line("TEST_X = (read_idx(sys.argv[1], \"" + FashionMnist.TEST_IMAGES + "\").double() / 255.0 - MEAN) / STD");
        py.line("TEST_Y = read_idx(sys.argv[1], \"" + FashionMnist.TEST_LABELS + "\").long()");
        py.line("");
        py.line("");
    }

    private static void orders(PyTorchScript.Script py, int[][] orders, CodeTexts t) {
        py.comment("", t.get("orders"));
        py.line("ORDERS = [");
        for (int[] order : orders) {
            py.line("    " + ints(order) + ",");
        }
        py.line("]");
        py.line("BATCHES = (len(TRAIN_Y) + BATCH_SIZE - 1) // BATCH_SIZE");
        py.line("");
        py.line("");
    }

    private static void model(PyTorchScript.Script py, ModelScenario spec, CodeTexts t) {
        int[] layers = spec.layers();
        String activation = switch (spec.activation().toLowerCase(Locale.ROOT)) {
            case "tanh" -> "torch.nn.Tanh()";
            case "sigmoid" -> "torch.nn.Sigmoid()";
            default -> "torch.nn.ReLU()";
        };
        py.comment("", t.get("weights"));
        py.line("INITIAL = {");
        ModelTrainer.initialParameters(spec).forEach((name, values) -> {
            List<String> v = new ArrayList<>();
            for (double x : values) {
                v.add(PyTorchCode.number(x));
            }
            py.line("    " + PyText.string(name) + ": [" + String.join(", ", v) + "],");
        });
        py.line("}");
        py.line("");
        py.line("");
        py.line("def make_model():");
        py.line("    model = torch.nn.Sequential(");
        for (int i = 0; i + 1 < layers.length; i++) {
            py.line("        torch.nn.Linear(" + layers[i] + ", " + layers[i + 1] + "),");
            if (i + 2 < layers.length) {
                py.line("        " + activation + ",");
                if (spec.dropout() > 0) {
                    py.line("        torch.nn.Dropout(" + PyTorchCode.number(spec.dropout()) + "),  # "
                            + t.get("dropout"));
                }
            }
        }
        py.line("    )");
        py.line("    with torch.no_grad():");
        py.line("        for name, p in model.named_parameters():");
        py.line("            p.copy_(torch.tensor(INITIAL[name]).reshape(p.shape))");
        py.line("    return model");
        py.line("");
        py.line("");
    }

    private static void trainingLoop(PyTorchScript.Script py, CodeTexts t) {
        py.line("def norms(tensors):");
        py.line("    return {n: None if v is None else torch.sqrt(torch.sum(v.detach() * v.detach())).item()");
        py.line("            for n, v in tensors.items()}");
        py.line("");
        py.line("");
        py.line("def number(x):");
        py.line("    return x if x is not None and math.isfinite(x) else None");
        py.line("");
        py.line("");
        py.line("def evaluate(model):");
        py.line("    \"\"\"" + t.get("evaluate") + "\"\"\"");
        py.line("    model.eval()");
        py.line("    loss_sum, correct = 0.0, 0");
        py.line("    with torch.no_grad():");
        py.line("        for start in range(0, len(TEST_Y), 500):");
        py.line("            x, y = TEST_X[start:start + 500], TEST_Y[start:start + 500]");
        py.line("            logits = model(x)");
        py.line("            loss_sum += F.cross_entropy(logits, y).item() * len(y)");
        py.line("            correct += int((logits.argmax(1) == y).sum())");
        py.line("    model.train()");
        py.line("    return loss_sum / len(TEST_Y), correct / len(TEST_Y)");
        py.line("");
        py.line("");
        py.line("def step_with(optimizer, params, handed):");
        py.line("    \"\"\"" + t.get("stepWith") + "\"\"\"");
        py.line("    kept = {n: p.grad for n, p in params.items()}");
        py.line("    for n, p in params.items():");
        py.line("        p.grad = handed[n]");
        py.line("    optimizer.step()");
        py.line("    for n, p in params.items():");
        py.line("        p.grad = kept[n]");
        py.line("");
        py.line("");
        py.line("def train(strategy):");
        py.line("    \"\"\"" + t.get("train") + "\"\"\"");
        py.line("    model = make_model()");
        py.line("    model.train()");
        py.line("    params = dict(model.named_parameters())");
        py.line("    optimizer = make_optimizer(list(params.values()))");
        py.line("    k = int(strategy[len(\"accumulate-\"):]) if strategy.startswith(\"accumulate-\") else 1");
        py.line("    show = norms if NORMS else values");
        py.line("    suffix = \"Norm\" if NORMS else \"\"");
        py.line("    in_buffer = 0  # " + t.get("inBuffer"));
        py.line("    steps, epochs, diverged, step = [], [], None, 0");
        py.line("    for epoch in range(1, EPOCHS + 1):");
        py.line("        if diverged is not None:");
        py.line("            break  # " + t.get("stops"));
        py.line("        loss_sum = 0.0");
        py.line("        for batch_number in range(1, BATCHES + 1):");
        py.line("            step += 1");
        py.line("            rows = ORDERS[epoch - 1][(batch_number - 1) * BATCH_SIZE:batch_number * BATCH_SIZE]");
        py.line("            x, y = TRAIN_X[rows], TRAIN_Y[rows]");
        py.line("            if strategy == \"zeroed\":  # " + t.get("zeroed"));
        py.line("                optimizer.zero_grad(set_to_none=True)");
        py.line("                in_buffer = 0");
        py.line("            # " + t.get("summed"));
        py.line("            loss = F.cross_entropy(model(x), y)");
        py.line("            (loss / k if k > 1 else loss).backward()  # " + t.get("lossDivided"));
        py.line("            in_buffer += 1");
        py.line("            grad = show({n: p.grad for n, p in params.items()})");
        py.line("            stepped = k == 1 or batch_number % k == 0 or batch_number == BATCHES  # " + t.get("when"));
        py.line("            applied = None");
        py.line("            if stepped:");
        py.line("                divisor = in_buffer if strategy == \"averaged\" else 1  # " + t.get("averaged"));
        py.line("                handed = {n: None if p.grad is None else p.grad / divisor if divisor > 1 else p.grad");
        py.line("                          for n, p in params.items()}");
        py.line("                applied = show(handed)");
        py.line("                step_with(optimizer, params, handed)");
        py.line("                if k > 1:  # " + t.get("zeroAfter"));
        py.line("                    optimizer.zero_grad(set_to_none=True)");
        py.line("                    in_buffer = 0");
        py.line("            value = loss.item()");
        py.line("            after = show(params)");
        py.line("            numbers = [value] + [x for v in list(grad.values()) + list(after.values())");
        py.line("                                 for x in ([v] if NORMS else v or []) if x is not None]");
        py.line("            if not all(math.isfinite(x) for x in numbers):  # " + t.get("diverged"));
        py.line("                diverged = step");
        py.line("                none = {n: None for n in params}");
        py.line("                value, grad, after = None, none, none");
        py.line("                applied = none if stepped else None");
        py.line("            loss_sum += math.nan if value is None else value * len(rows)");
        py.line("            steps.append({\"step\": step, \"epoch\": epoch, \"batch\": batch_number,");
        py.line("                          \"loss\": number(value) if NORMS else value, \"grad\" + suffix: grad,");
        py.line(
                "                          \"applied\" + suffix: applied, \"stepped\": stepped, \"param\" + (suffix or \"s\"): after})");
        py.line("            if diverged is not None:");
        py.line("                break");
        py.line("        if diverged is not None:");
        py.line(
                "            epochs.append({\"epoch\": epoch, \"trainLoss\": None, \"testLoss\": None, \"accuracy\": None})");
        py.line("        else:");
        py.line("            test_loss, accuracy = evaluate(model)");
        py.line("            epochs.append({\"epoch\": epoch, \"trainLoss\": number(loss_sum / len(TRAIN_Y)),");
        py.line("                           \"testLoss\": number(test_loss), \"accuracy\": number(accuracy)})");
        py.line("    return {\"strategy\": strategy, \"diverged\": diverged, \"epochs\": epochs, \"steps\": steps}");
        py.line("");
        py.line("");
    }

    private static String ints(int[] values) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            b.append(i == 0 ? "" : ", ").append(values[i]);
        }
        return b.append(']').toString();
    }
}
