package dev.gradlab.lab.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a scenario's {@code dataset.folder} may point: only inside the configured roots
 * ({@code -Dgradlab.datasets.roots=/a,/b}, default {@code /usr/share/datasets}, where Debian's dataset packages put
 * them; the bundled sets are read from the classpath and need no root). The folder is checked as written (no
 * {@code ..} escapes) and again after resolving symbolic links, so a saved scenario can never make the server open
 * another path.
 */
public final class DatasetRoots {

    static final String PROPERTY = "gradlab.datasets.roots";
    static final String DEFAULT = "/usr/share/datasets";

    private DatasetRoots() {}

    static List<Path> roots() {
        String configured = System.getProperty(PROPERTY, DEFAULT);
        List<Path> roots = new ArrayList<>();
        for (String r : configured.split("[,:]")) {
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
                + " (the data set roots; -D" + PROPERTY + " sets others)");
    }
}
