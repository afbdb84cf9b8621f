package dev.gradlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gradlab.engine.backend.Backend;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} of the same model scenario with the same settings prints byte-identical JSON, whatever the load and
 * whatever the thread count: each kernel path forced in a fresh JVM ({@code gradlab.matmul} and
 * {@code gradlab.threads} are read once, when the engine starts), the built-in fashion-mnist-mlp cut to one epoch so
 * its 64×784 products go through the native BLAS and the split over threads.
 */
class RunReproducibilityTest {

    @TempDir
    static Path dir;

    private static Path scenario;

    @BeforeAll
    static void oneEpochOfFashionMnist() throws IOException {
        try (InputStream in = RunReproducibilityTest.class.getResourceAsStream("/scenarios/fashion-mnist-mlp.yaml")) {
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(yaml).contains("epochs: 2");
            scenario = dir.resolve("fashion-1-epoch.yaml");
            Files.writeString(scenario, yaml.replace("epochs: 2", "epochs: 1"));
        }
    }

    @Test
    void the_java_kernel_prints_the_same_json_on_a_busy_machine_an_idle_one_and_one_thread() throws Exception {
        String busy = whileBothCoresAreBusy(() -> run("java", 2));
        String idle = run("java", 2);
        String oneThread = run("java", 1);
        assertThat(idle).contains("\"epochs\"").contains("\"accuracy\"").contains("\"accumulate-4\"");
        assertThat(busy).isEqualTo(idle);
        assertThat(oneThread).isEqualTo(idle);
    }

    @Test
    void the_native_blas_prints_the_same_json_on_a_busy_machine_and_an_idle_one() throws Exception {
        assumeTrue(!Backend.blasLibrary().equals("none"), () -> "no native BLAS here: " + Backend.matmul());
        String busy = whileBothCoresAreBusy(() -> run("native", 2));
        String idle = run("native", 2);
        String oneThread = run("native", 1);
        assertThat(idle).contains("\"epochs\"");
        assertThat(busy).isEqualTo(idle);
        assertThat(oneThread).isEqualTo(idle);
    }

    private interface Run {
        String get() throws Exception;
    }

    /** Runs {@code run} while two threads of this JVM spin, so the child starts and works on loaded cores. */
    private static String whileBothCoresAreBusy(Run run) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> spinners = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Thread t = new Thread(() -> {
                double x = 1;
                while (!stop.get()) {
                    x = Math.sqrt(x + 1);
                }
                if (x < 0) {
                    System.out.println(x);
                }
            });
            t.setDaemon(true);
            t.start();
            spinners.add(t);
        }
        try {
            Thread.sleep(200);
            return run.get();
        } finally {
            stop.set(true);
            for (Thread t : spinners) {
                t.join();
            }
        }
    }

    /** {@code gradlab run} of the scenario in a new JVM with these settings; its stdout. */
    private static String run(String matmul, int threads) throws Exception {
        Path out = Files.createTempFile(dir, "out", ".json");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "-Dgradlab.matmul=" + matmul,
                        "-Dgradlab.threads=" + threads,
                        "dev.gradlab.Application",
                        "run",
                        scenario.toString())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("run finished").isTrue();
        assertThat(p.exitValue()).as(Files.readString(err)).isZero();
        return Files.readString(out);
    }
}
