package dev.gradlab.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gradlab.scenario.Expression;
import dev.gradlab.scenario.ExpressionScenario;
import dev.gradlab.scenario.TensorData;

/**
 * Writes a Python script that runs an expression scenario's strategies with real PyTorch — the loop written the way
 * a PyTorch user would write each strategy, not a port of {@link Runner} — and prints every step as JSON.
 */
final class PyTorchScript {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PyTorchScript() {}

    static String forScenarios(ExpressionScenario... scenarios) throws Exception {
        ArrayNode specs = JSON.createArrayNode();
        for (ExpressionScenario s : scenarios) {
            ObjectNode spec = specs.addObject();
            spec.put("id", s.id());
            spec.put("lr", s.learningRate());
            spec.put("epochs", s.epochs());
            spec.put("batchSize", s.batchSize());
            spec.put("perEpoch", s.batchesPerEpoch());
            spec.put("loss", python(s.loss()));
            s.strategies().forEach(strategy -> spec.withArray("strategies").add(strategy.name()));
            ObjectNode params = spec.putObject("params");
            s.params().forEach((n, t) -> params.set(n, nested(t)));
            ObjectNode data = spec.putObject("data");
            s.data().forEach((n, t) -> data.set(n, nested(t)));
        }
        return """
                import json, sys
                try:
                    import torch
                    import torch.nn.functional as F
                except ImportError:
                    print("NO_TORCH"); sys.exit(0)
                torch.set_num_threads(1)
                T = lambda v: torch.tensor(v, dtype=torch.float64)

                def run(spec, strategy):
                    params = {n: T(v).requires_grad_(True) for n, v in spec["params"].items()}
                    opt = torch.optim.SGD(list(params.values()), lr=spec["lr"])
                    k = int(strategy.split("-")[1]) if strategy.startswith("accumulate-") else 1
                    in_buffer, steps, n, bs = 0, [], spec["perEpoch"], spec["batchSize"]
                    for epoch in range(spec["epochs"]):
                        for b in range(n):
                            if strategy == "zeroed":
                                opt.zero_grad(set_to_none=True); in_buffer = 0
                            env = dict(params)
                            env.update({c: T(v[b * bs:(b + 1) * bs]) for c, v in spec["data"].items()})
                            loss = eval(spec["loss"], {"torch": torch, "F": F}, env)
                            (loss / k if k > 1 else loss).backward()
                            in_buffer += 1
                            grad = {m: None if p.grad is None else p.grad.flatten().tolist() for m, p in params.items()}
                            if k == 1 or (b + 1) % k == 0 or b + 1 == n:
                                if strategy == "averaged":
                                    kept = {m: p.grad for m, p in params.items()}
                                    for p in params.values():
                                        if p.grad is not None:
                                            p.grad = p.grad / in_buffer
                                    opt.step()
                                    for m, p in params.items():
                                        p.grad = kept[m]
                                else:
                                    opt.step()
                                if k > 1:
                                    opt.zero_grad(set_to_none=True); in_buffer = 0
                            steps.append({"loss": loss.item(), "grad": grad,
                                          "params": {m: p.detach().flatten().tolist() for m, p in params.items()}})
                    return steps

                specs = json.loads(r'''SPECS''')
                print(json.dumps({s["id"]: {st: run(s, st) for st in s["strategies"]} for s in specs}))
                """.replace("SPECS", JSON.writeValueAsString(specs));
    }

    private static JsonNode nested(TensorData t) {
        int[] shape = t.shape();
        double[] v = t.data();
        if (shape.length == 0) {
            return JSON.getNodeFactory().numberNode(v[0]);
        }
        ArrayNode a = JSON.createArrayNode();
        if (shape.length == 1) {
            for (double x : v) {
                a.add(x);
            }
        } else {
            for (int r = 0; r < shape[0]; r++) {
                ArrayNode row = a.addArray();
                for (int c = 0; c < shape[1]; c++) {
                    row.add(v[r * shape[1] + c]);
                }
            }
        }
        return a;
    }

    /** The loss as a Python/PyTorch expression. */
    static String python(Expression e) {
        if (e instanceof Expression.Num n) {
            return "(" + n.value() + ")";
        } else if (e instanceof Expression.Name n) {
            return n.name();
        } else if (e instanceof Expression.Unary u) {
            return "(" + u.op() + python(u.operand()) + ")";
        } else if (e instanceof Expression.Binary b) {
            String op = b.op() == '^' ? "**" : String.valueOf(b.op());
            return "(" + python(b.left()) + " " + op + " " + python(b.right()) + ")";
        }
        Expression.Call c = (Expression.Call) e;
        String a = python(c.args().get(0));
        String second = c.args().size() > 1 ? python(c.args().get(1)) : null;
        return switch (c.function()) {
            case SUM, MEAN ->
                "torch." + c.function().text() + "(" + a + (second == null ? "" : ", dim=int(" + second + ")") + ")";
            case MAX ->
                second == null ? "torch.max(" + a + ")" : "torch.max(" + a + ", dim=int(" + second + ")).values";
            case SOFTMAX, LOG_SOFTMAX ->
                "torch." + c.function().text() + "(" + a + ", dim=" + (second == null ? "-1" : "int(" + second + ")")
                        + ")";
            case TRANSPOSE -> a + ".t()";
            case MSE -> "F.mse_loss(" + a + ", " + second + ")";
            case CROSS_ENTROPY -> "F.cross_entropy(" + a + ", " + second + ".long())";
            default -> "torch." + c.function().text() + "(" + a + ")";
        };
    }
}
