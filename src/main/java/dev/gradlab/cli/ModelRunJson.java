package dev.gradlab.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gradlab.lab.StepRecord;
import dev.gradlab.lab.train.EpochRecord;
import dev.gradlab.lab.train.ModelResult;
import dev.gradlab.lab.train.ModelRun;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code run} command's JSON for a model scenario: like {@link RunJson}, plus each run's {@code "epochs"}
 * (trainLoss, testLoss, accuracy per epoch). For models with more than {@code ModelTrainer.FULL_VALUES_LIMIT}
 * parameter values, step entries carry {@code gradNorm}, {@code appliedNorm} and {@code paramNorm} (one L2 norm per
 * parameter tensor) in place of {@code grad}, {@code applied} and {@code params}. Non-finite numbers are written as
 * null.
 */
public final class ModelRunJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ModelRunJson() {}

    public static String write(String id, ModelResult result) {
        StringBuilder s = new StringBuilder();
        s.append("{\"id\": ").append(json(NODES.textNode(id))).append(",\n \"runs\": [");
        for (int r = 0; r < result.runs().size(); r++) {
            ModelRun run = result.runs().get(r);
            s.append(r == 0 ? "\n" : ",\n");
            s.append("  {\"strategy\": ")
                    .append(json(NODES.textNode(run.strategy().name())));
            if (run.diverged() != null) {
                s.append(", \"diverged\": ").append(run.diverged());
            }
            s.append(",\n   \"epochs\": [");
            for (int i = 0; i < run.epochs().size(); i++) {
                s.append(i == 0 ? "\n    " : ",\n    ")
                        .append(json(epoch(run.epochs().get(i))));
            }
            s.append("\n   ],\n   \"steps\": [");
            for (int i = 0; i < run.steps().size(); i++) {
                StepRecord step = run.steps().get(i);
                s.append(i == 0 ? "\n    " : ",\n    ").append(json(result.norms() ? norms(step) : RunJson.step(step)));
            }
            s.append("\n   ]}");
        }
        return s.append("\n ]}\n").toString();
    }

    static ObjectNode epoch(EpochRecord e) {
        ObjectNode o = NODES.objectNode();
        o.put("epoch", e.epoch());
        number(o, "trainLoss", e.trainLoss());
        number(o, "testLoss", e.testLoss());
        number(o, "accuracy", e.accuracy());
        return o;
    }

    static ObjectNode norms(StepRecord r) {
        ObjectNode o = NODES.objectNode();
        o.put("step", r.step());
        o.put("epoch", r.epoch());
        o.put("batch", r.batch());
        number(o, "loss", r.loss());
        o.set("gradNorm", norms(r.grad()));
        o.set("appliedNorm", r.applied() == null ? NODES.nullNode() : norms(r.applied()));
        o.put("stepped", r.stepped());
        o.set("paramNorm", norms(r.params()));
        return o;
    }

    private static ObjectNode norms(Map<String, double @Nullable []> values) {
        ObjectNode o = NODES.objectNode();
        values.forEach((name, v) -> number(o, name, v == null ? null : v[0]));
        return o;
    }

    private static void number(ObjectNode o, String field, @Nullable Double v) {
        if (v == null || !Double.isFinite(v)) {
            o.putNull(field);
        } else {
            o.put(field, v);
        }
    }

    private static String json(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }
}
