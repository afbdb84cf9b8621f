package dev.gradlab.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gradlab.lab.RunResult;
import dev.gradlab.lab.StepRecord;
import dev.gradlab.lab.StrategyRun;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code run} command's JSON document. One step per line, so a diff of two outputs shows which steps changed,
 * and the whole text is still one JSON document.
 */
public final class RunJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RunJson() {}

    public static String write(RunResult result) {
        StringBuilder s = new StringBuilder();
        s.append("{\"id\": ")
                .append(json(NODES.textNode(result.scenario().id())))
                .append(",\n \"runs\": [");
        for (int r = 0; r < result.runs().size(); r++) {
            StrategyRun run = result.runs().get(r);
            s.append(r == 0 ? "\n" : ",\n");
            s.append("  {\"strategy\": ")
                    .append(json(NODES.textNode(run.strategy().name())));
            if (run.diverged() != null) {
                s.append(", \"diverged\": ").append(run.diverged());
            }
            s.append(",\n   \"steps\": [");
            for (int i = 0; i < run.steps().size(); i++) {
                s.append(i == 0 ? "\n    " : ",\n    ")
                        .append(json(step(run.steps().get(i))));
            }
            s.append("\n   ]}");
        }
        return s.append("\n ]}\n").toString();
    }

    static ObjectNode step(StepRecord r) {
        ObjectNode o = NODES.objectNode();
        o.put("step", r.step());
        o.put("epoch", r.epoch());
        o.put("batch", r.batch());
        if (r.loss() == null) {
            o.putNull("loss");
        } else {
            o.put("loss", r.loss());
        }
        o.set("grad", values(r.grad()));
        o.set("applied", r.applied() == null ? NODES.nullNode() : values(r.applied()));
        o.put("stepped", r.stepped());
        o.set("params", values(r.params()));
        return o;
    }

    private static ObjectNode values(Map<String, double @Nullable []> values) {
        ObjectNode o = NODES.objectNode();
        values.forEach((name, v) -> {
            if (v == null) {
                o.putNull(name);
            } else {
                ArrayNode a = o.putArray(name);
                for (double x : v) {
                    a.add(x);
                }
            }
        });
        return o;
    }

    private static String json(com.fasterxml.jackson.databind.JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }
}
