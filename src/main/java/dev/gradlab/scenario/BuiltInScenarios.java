package dev.gradlab.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The scenarios shipped in {@code src/main/resources/scenarios/}, in teaching order. */
public final class BuiltInScenarios {

    static final List<String> IDS = List.of(
            "accumulate-x-squared",
            "gd-by-hand",
            "linear-regression-batches",
            "mlp-explicit-weights",
            "spiral-mlp",
            "xor-mlp",
            "circle-mlp",
            "gaussian-mlp",
            "fashion-mnist-mlp");

    private static volatile @org.jspecify.annotations.Nullable List<Scenario> all;

    private BuiltInScenarios() {}

    public static List<Scenario> all() {
        List<Scenario> loaded = all;
        if (loaded == null) {
            List<Scenario> list = new ArrayList<>();
            for (String id : IDS) {
                list.add(load(id));
            }
            loaded = List.copyOf(list);
            all = loaded;
        }
        return loaded;
    }

    public static Optional<Scenario> find(String id) {
        return all().stream().filter(s -> s.id().equals(id)).findFirst();
    }

    private static Scenario load(String id) {
        String file = "scenarios/" + id + ".yaml";
        try (InputStream in = BuiltInScenarios.class.getClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("built-in scenario missing from the classpath: " + file);
            }
            return ScenarioParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), file);
        } catch (IOException | ScenarioException e) {
            // A broken built-in is a bug in this repository, not user input.
            throw new IllegalStateException("built-in scenario " + file + " is invalid: " + e.getMessage(), e);
        }
    }
}
