package dev.gradlab.export;

import dev.gradlab.scenario.BuiltInScenarios;
import dev.gradlab.scenario.ModelScenario;
import dev.gradlab.scenario.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Built-in scenarios and their files, read straight from the classpath (not through the parser). */
final class ExportFixtures {

    private ExportFixtures() {}

    static Scenario builtIn(String id) {
        return BuiltInScenarios.find(id).orElseThrow(() -> new AssertionError("no built-in " + id));
    }

    static ModelScenario model(String id) {
        if (builtIn(id) instanceof ModelScenario m) {
            return m;
        }
        throw new AssertionError(id + " is not a model scenario");
    }

    static String resourceText(String id) {
        try (InputStream in = ExportFixtures.class.getResourceAsStream("/scenarios/" + id + ".yaml")) {
            if (in == null) {
                throw new AssertionError("no resource for " + id);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
