package dev.gradlab.export;

import dev.gradlab.lab.CodeTexts;
import dev.gradlab.lab.PyTorchCode;
import dev.gradlab.scenario.ExpressionScenario;
import dev.gradlab.scenario.GradientStrategy;
import dev.gradlab.scenario.ManualScenario;
import dev.gradlab.scenario.OptimizerSpec;
import dev.gradlab.scenario.Scenario;
import dev.gradlab.scenario.TensorData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code pytorch} export: one standalone Python file (Python 3 and PyTorch only, float64 throughout) that runs the
 * scenario's strategies with real PyTorch and prints exactly the JSON document of the {@code run} command: the same
 * keys in the same order, one step per line, {@code "diverged"} and nulls where {@code run} has them. The training
 * loop is written out once; the strategies' differences are the few marked {@code if strategy ...} lines, the same
 * five decisions as {@code scenario.GradientStrategy}. The comments are in the scenario's language for its title and
 * description, and in English or Traditional Chinese for the script's own.
 *
 * <p>Kind-specific parts (how a batch's backward is computed, what the data are) are one method per kind; the loss
 * translation to torch is {@link PyTorchCode#lossToPython}'s.
 */
public final class PyTorchScript {

    private PyTorchScript() {}

    /** The script for {@code scenario} (model scenarios: {@link ModelScript}); {@code locale}: the comments' language. */
    public static String of(Scenario scenario, Locale locale) {
        return scenario.match(
                m -> of(m, m.params(), py -> manual(py, m, new CodeTexts(locale)), locale),
                e -> of(e, e.params(), py -> expression(py, e, new CodeTexts(locale)), locale),
                m -> ModelScript.of(m, locale));
    }

    /** A manual or expression scenario's script; {@code batches} writes its kind's batches and backward. */
    private static String of(
            Scenario scenario,
            Map<String, TensorData> params,
            java.util.function.Consumer<Script> batches,
            Locale locale) {
        CodeTexts t = new CodeTexts(locale);
        Script py = new Script();
        header(py, scenario, locale, t);
        py.line("SCENARIO_ID = " + PyText.string(scenario.id()));
        py.line("STRATEGIES = " + PyText.strings(names(scenario.strategies())));
        py.line("EPOCHS = " + scenario.epochs());
        py.line("LR = " + PyTorchCode.number(scenario.learningRate()));
        py.line("");
        py.line("");
        initialParameters(py, params, t);
        batches.accept(py);
        optimizer(py, scenario.optimizer());
        trainingLoop(py, t);
        output(py, t);
        return py.text();
    }

    /** The strategies' wire names ({@link GradientStrategy#name()}), as the {@code run} command's JSON has them. */
    static List<String> names(List<GradientStrategy> strategies) {
        return strategies.stream().map(GradientStrategy::name).toList();
    }

    static void header(Script py, Scenario s, Locale locale, CodeTexts t) {
        py.line("#!/usr/bin/env python3");
        py.comment("", s.title().in(locale));
        py.line("#");
        if (s.description() != null) {
            for (String line : s.description().in(locale).strip().split("\n")) {
                py.comment("", line);
            }
            py.line("#");
        }
        py.comment("", t.get("header", s.id() + ".py"));
        py.comment("", t.get("prints", s.fileName()));
        py.line("import json");
        py.line("import math");
        py.line("import sys");
        py.line("");
        py.line("import torch");
        py.line("import torch.nn.functional as F");
        py.line("");
        py.line("torch.set_default_dtype(torch.float64)  # " + t.get("float64"));
        py.line("torch.set_num_threads(1)");
        py.line("");
    }

    private static void initialParameters(Script py, Map<String, TensorData> params, CodeTexts t) {
        py.line("def initial_parameters():");
        py.line("    \"\"\"" + t.get("params") + "\"\"\"");
        py.line("    return {");
        params.forEach((name, p) -> py.line("        " + PyText.string(name) + ": torch.tensor("
                + PyTorchCode.literal(named(name, p)) + ", requires_grad=True),"));
        py.line("    }");
        py.line("");
        py.line("");
    }

    /** Manual: each batch's given gradient, added into {@code .grad} as backward() would. */
    private static void manual(Script py, ManualScenario s, CodeTexts t) {
        py.comment("", t.get("manualBatches"));
        py.line("BATCHES = [");
        for (Map<String, TensorData> g : s.gradients()) {
            List<String> entries = new ArrayList<>();
            g.forEach((name, d) ->
                    entries.add(PyText.string(name) + ": torch.tensor(" + PyTorchCode.literal(named(name, d)) + ")"));
            py.line("    {" + String.join(", ", entries) + "},");
        }
        py.line("]");
        py.line("");
        py.line("");
        py.line("def backward(batch, params, k):");
        py.line("    with torch.no_grad():");
        py.line("        for name, g in batch.items():");
        py.line("            p = params[name]");
        py.line("            add = g / k if k > 1 else g.clone()  # " + t.get("lossDivided"));
        py.line("            p.grad = add if p.grad is None else p.grad + add  # " + t.get("manualBackward"));
        py.line("    return None  # no loss value");
        py.line("");
        py.line("");
    }

    /** Expression: the loss written in torch, evaluated on each batch's rows; backward adds into {@code .grad}. */
    private static void expression(Script py, ExpressionScenario s, CodeTexts t) {
        if (s.data().isEmpty()) {
            py.comment("", t.get("noData"));
            py.line("BATCHES = [{}] * " + s.batchesPerEpoch());
        } else {
            py.comment("", t.get("data"));
            py.line("DATA = {");
            s.data()
                    .forEach((name, d) -> py.line("    " + PyText.string(name) + ": torch.tensor("
                            + PyTorchCode.literal(named(name, d)) + "),"));
            py.line("}");
            py.line("BATCH_SIZE = " + s.batchSize());
            py.line("ROWS = " + s.rows());
            py.line("BATCHES = [{name: column[i:i + BATCH_SIZE] for name, column in DATA.items()}");
            py.line("           for i in range(0, ROWS, BATCH_SIZE)]");
        }
        py.line("");
        py.line("");
        List<String> names = new ArrayList<>(s.params().keySet());
        names.addAll(s.data().keySet());
        String loss = s.lossText();
        py.line("def loss_of(" + String.join(", ", names) + "):");
        py.line("    # " + t.get("loss") + " " + loss.replace("\n", " "));
        py.line("    return " + PyTorchCode.lossToPython(loss));
        py.line("");
        py.line("");
        py.line("def backward(batch, params, k):");
        py.line("    loss = loss_of(**params, **batch)");
        py.line("    if loss.dim() > 0:");
        py.line("        loss = loss.sum()");
        py.line("    (loss / k if k > 1 else loss).backward()  # " + t.get("lossDivided"));
        py.line("    return loss.item()");
        py.line("");
        py.line("");
    }

    static void optimizer(Script py, OptimizerSpec o) {
        py.line("def make_optimizer(params):");
        if (o.type() == OptimizerSpec.Type.ADAM) {
            py.line("    return torch.optim.Adam(params, lr=LR, betas=(" + PyTorchCode.number(o.beta1()) + ", "
                    + PyTorchCode.number(o.beta2()) + "), eps=" + PyTorchCode.number(o.eps()) + ", weight_decay="
                    + PyTorchCode.number(o.weightDecay()) + ")");
        } else if (o.momentum() == 0 && o.weightDecay() == 0 && !o.nesterov() && o.dampening() == 0) {
            py.line("    return torch.optim.SGD(params, lr=LR)");
        } else {
            py.line("    return torch.optim.SGD(params, lr=LR, momentum=" + PyTorchCode.number(o.momentum())
                    + ", dampening=" + PyTorchCode.number(o.dampening()) + ", weight_decay="
                    + PyTorchCode.number(o.weightDecay()) + ", nesterov=" + (o.nesterov() ? "True" : "False") + ")");
        }
        py.line("");
        py.line("");
        py.line("def values(tensors):");
        py.line("    return {n: None if v is None else v.detach().reshape(-1).tolist() for n, v in tensors.items()}");
        py.line("");
        py.line("");
        py.line("def finite(record):");
        py.line("    numbers = [] if record[\"loss\"] is None else [record[\"loss\"]]");
        py.line("    for part in (record[\"grad\"], record[\"applied\"] or {}, record[\"params\"]):");
        py.line("        for v in part.values():");
        py.line("            numbers += v or []");
        py.line("    return all(math.isfinite(x) for x in numbers)");
        py.line("");
        py.line("");
    }

    private static void trainingLoop(Script py, CodeTexts t) {
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
        py.line("    params = initial_parameters()");
        py.line("    optimizer = make_optimizer(list(params.values()))");
        py.line("    k = int(strategy[len(\"accumulate-\"):]) if strategy.startswith(\"accumulate-\") else 1");
        py.line("    in_buffer = 0  # " + t.get("inBuffer"));
        py.line("    steps, diverged, step = [], None, 0");
        py.line("    for epoch in range(1, EPOCHS + 1):");
        py.line("        for batch_number, batch in enumerate(BATCHES, 1):");
        py.line("            step += 1");
        py.line("            if strategy == \"zeroed\":  # " + t.get("zeroed"));
        py.line("                optimizer.zero_grad(set_to_none=True)");
        py.line("                in_buffer = 0");
        py.line("            # " + t.get("summed"));
        py.line("            loss = backward(batch, params, k)");
        py.line("            in_buffer += 1");
        py.line("            grad = values({n: p.grad for n, p in params.items()})");
        py.line("            stepped = k == 1 or batch_number % k == 0 or batch_number == len(BATCHES)  # "
                + t.get("when"));
        py.line("            applied = None");
        py.line("            if stepped:");
        py.line("                divisor = in_buffer if strategy == \"averaged\" else 1  # " + t.get("averaged"));
        py.line("                handed = {n: None if p.grad is None else p.grad / divisor if divisor > 1 else p.grad");
        py.line("                          for n, p in params.items()}");
        py.line("                applied = values(handed)");
        py.line("                step_with(optimizer, params, handed)");
        py.line("                if k > 1:  # " + t.get("zeroAfter"));
        py.line("                    optimizer.zero_grad(set_to_none=True)");
        py.line("                    in_buffer = 0");
        py.line("            record = {\"step\": step, \"epoch\": epoch, \"batch\": batch_number, \"loss\": loss,");
        py.line("                      \"grad\": grad, \"applied\": applied, \"stepped\": stepped,");
        py.line("                      \"params\": values(params)}");
        py.line("            if diverged is None and not finite(record):");
        py.line("                diverged = step");
        py.line("            if diverged is not None:  # " + t.get("diverged"));
        py.line("                none = {n: None for n in params}");
        py.line("                record.update(loss=None, grad=none, applied=none if stepped else None, params=none)");
        py.line("            steps.append(record)");
        py.line("    return {\"strategy\": strategy, \"diverged\": diverged, \"steps\": steps}");
        py.line("");
        py.line("");
    }

    static void output(Script py, CodeTexts t) {
        py.line("def compact(value):");
        py.line("    return json.dumps(value, separators=(\",\", \":\"), ensure_ascii=False, allow_nan=False)");
        py.line("");
        py.line("");
        py.line("def entries(values):");
        py.line(
                "    return \"\".join((\"\\n    \" if i == 0 else \",\\n    \") + compact(v) for i, v in enumerate(values))");
        py.line("");
        py.line("");
        py.line("def write(runs):");
        py.line("    \"\"\"" + t.get("output") + "\"\"\"");
        py.line("    out = ['{\"id\": ' + json.dumps(SCENARIO_ID, ensure_ascii=False) + ',\\n \"runs\": [']");
        py.line("    for r, run in enumerate(runs):");
        py.line("        out.append(\"\\n\" if r == 0 else \",\\n\")");
        py.line("        out.append('  {\"strategy\": ' + json.dumps(run[\"strategy\"]))");
        py.line("        if run[\"diverged\"] is not None:");
        py.line("            out.append(', \"diverged\": %d' % run[\"diverged\"])");
        py.line("        if \"epochs\" in run:");
        py.line(
                "            out.append(',\\n   \"epochs\": [' + entries(run[\"epochs\"]) + '\\n   ],\\n   \"steps\": [')");
        py.line("        else:");
        py.line("            out.append(',\\n   \"steps\": [')");
        py.line("        out.append(entries(run[\"steps\"]))");
        py.line("        out.append(\"\\n   ]}\")");
        py.line("    out.append(\"\\n ]}\\n\")");
        py.line("    sys.stdout.write(\"\".join(out))");
        py.line("");
        py.line("");
        py.line("if __name__ == \"__main__\":");
        py.line("    write([train(strategy) for strategy in STRATEGIES])");
    }

    static PyTorchCode.Named named(String name, TensorData d) {
        return new PyTorchCode.Named(name, d.data(), d.shape());
    }

    /** Lines of Python. */
    static final class Script {
        private final StringBuilder text = new StringBuilder();

        void line(String line) {
            text.append(line).append('\n');
        }

        /** A comment line: {@code indent + "# " + text}, or a lone {@code #} for an empty text. */
        void comment(String indent, String comment) {
            line(comment.isBlank() ? indent + "#" : indent + "# " + comment.stripTrailing());
        }

        String text() {
            return text.toString();
        }
    }
}
