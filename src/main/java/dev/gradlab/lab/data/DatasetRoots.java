package dev.gradlab.lab.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a scenario's {@code dataset.folder} may point: only inside the configured roots
 * ({@code gradlab.datasets.roots=/a,/b}: a Spring property of the web app, or {@code -D} for the CLI; default
 * {@code /usr/share/datasets}, where Debian's dataset packages put
 * them; the bundled sets are read from the classpath and need no root). The folder is checked as written (no
 * {@code ..} escapes) and again after resolving symbolic links, so a saved scenario can never make the server open
 * another path.
 */
public final class DatasetRoots {

    static final String PROPERTY = "gradlab.datasets.roots";
    public static final String DEFAULT = "/usr/share/datasets";

    /** Set by the web app from its Spring property of the same name; null: the system property or the default. */
    private static volatile @Nullable String configured;

    private DatasetRoots() {}

    /**
     * The roots for this process from now on ({@code gradlab.datasets.roots} as a Spring property: the web app sets
     * it at start-up), comma-separated; blank means the default.
     */
    public static void configure(@Nullable String roots) {
        configured = roots == null || roots.isBlank() ? null : roots;
    }

    static List<Path> roots() {
        // as in Spring's own order, a -D system property comes before the app's configured value, then the default
        String value = System.getProperty(PROPERTY);
        if (value == null) {
            String set = configured;
            value = set != null ? set : DEFAULT;
        }
        List<Path> roots = new ArrayList<>();
        for (String r : value.split("[,:]")) {
            if (!r.isBlank()) {
                roots.add(Path.of(r.strip()).toAbsolutePath().normalize());
            }
        }
        return roots;
    }

    /** The folder a scenario names, as a real path inside a root, or a DatasetException that opens nothing. */
    public static Path resolve(String folder) {
        List<Path> roots = roots();
        Path path;
        try {
            path = Path.of(folder);
        } catch (InvalidPathException e) {
            throw refusal(roots);
        }
        if (!path.isAbsolute() || !path.normalize().equals(path) || !inside(path, roots)) {
            throw refusal(roots);
        }
        if (!Files.isDirectory(path)) {
            return path; // the loader says "folder not found"; nothing outside the roots was looked at
        }
        try {
            Path real = path.toRealPath();
            List<Path> realRoots = new ArrayList<>();
            for (Path r : roots) {
                if (Files.isDirectory(r)) {
                    realRoots.add(r.toRealPath());
                }
            }
            if (!inside(real, realRoots)) {
                throw refusal(roots);
            }
            return real;
        } catch (IOException e) {
            throw refusal(roots);
        }
    }

    private static boolean inside(Path path, List<Path> roots) {
        return roots.stream().anyMatch(path::startsWith);
    }

    private static DatasetException refusal(List<Path> roots) {
        List<String> names = roots.stream().map(Path::toString).toList();
        return new DatasetException("dataset.folder must be an absolute folder inside " + String.join(" or ", names)
                + " (the data set roots; " + PROPERTY + " sets others)");
    }
}
