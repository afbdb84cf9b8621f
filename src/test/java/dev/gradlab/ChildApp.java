package dev.gradlab;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The app in a child JVM, for tests that must kill it or run two of it ({@code CrashSafetyIT}, {@code TwoReplicasIT}):
 * the main classes and libraries only (the tests' classes and in-memory database settings left out), a free port,
 * the admin password in the environment, and every line of its output in {@code log}.
 */
public record ChildApp(Process process, int port, StringBuffer log) {

    private static final Pattern PORT = Pattern.compile("Tomcat started on port (?:\\(s\\): )?(\\d+)");

    /** Starts {@code dev.gradlab.Application} with {@code -Xmx512m}, {@code --server.port=0} and {@code arguments}. */
    public static ChildApp start(String name, String adminPassword, StringBuffer log, List<String> arguments)
            throws Exception {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(
                List.of(java, "-Xmx512m", "-cp", appClassPath(), "dev.gradlab.Application", "--server.port=0"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("GRADLAB_ADMIN_PASSWORD", adminPassword);
        Process process = builder.start();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader in = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = in.readLine()) != null) {
                            log.append(line).append('\n');
                            Matcher m = PORT.matcher(line);
                            if (m.find()) {
                                port.complete(Integer.parseInt(m.group(1)));
                            }
                        }
                    } catch (IOException ignored) {
                        // the child was stopped or killed
                    }
                    port.completeExceptionally(new IllegalStateException(name + " exited before it listened"));
                },
                name + "-log");
        reader.setDaemon(true);
        reader.start();
        try {
            return new ChildApp(process, port.get(400, TimeUnit.SECONDS), log);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new AssertionError(name + " did not start; its output:\n" + log, e);
        }
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** The test JVM's class path without the test classes (under failsafe it may hide in a manifest-only jar). */
    static String appClassPath() throws IOException {
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> entries = new ArrayList<>(Arrays.asList(path.split(File.pathSeparator)));
        if (entries.size() == 1 && entries.get(0).endsWith(".jar")) {
            try (var jar = new java.util.jar.JarFile(entries.get(0))) {
                String manifest = jar.getManifest().getMainAttributes().getValue("Class-Path");
                if (manifest != null) {
                    entries = Arrays.stream(manifest.split(" "))
                            .map(u -> Paths.get(URI.create(u)).toString())
                            .collect(Collectors.toCollection(ArrayList::new));
                }
            }
        }
        return entries.stream()
                .filter(e -> !e.endsWith("test-classes"))
                .filter(e -> Files.exists(Paths.get(e)))
                .collect(Collectors.joining(File.pathSeparator));
    }
}
