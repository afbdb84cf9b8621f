package dev.gradlab.lab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** IDX headers are checked before anything is inflated; a scenario's folder stays inside the data set roots. */
@Timeout(10)
class HostileIdxTest {

    @TempDir
    Path dir;

    /** A gzip stream of a header announcing {@code dims} followed by {@code zeros} zero bytes. */
    private static byte[] bomb(int[] dims, long zeros) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(new byte[] {0, 0, 8, (byte) dims.length});
            for (int d : dims) {
                gz.write(new byte[] {(byte) (d >>> 24), (byte) (d >>> 16), (byte) (d >>> 8), (byte) d});
            }
            byte[] chunk = new byte[1 << 16];
            for (long left = zeros; left > 0; left -= chunk.length) {
                gz.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
        }
        return out.toByteArray();
    }

    @Test
    void a_gzip_bomb_announcing_two_billion_pixels_is_refused_before_it_is_inflated() throws IOException {
        byte[] file = bomb(new int[] {2_000_000, 28, 38}, 50_000_000); // 50 MB of zeros in about 50 kB
        assertThat(file.length).isLessThan(200_000);
        CountingStream in = new CountingStream(file);
        assertThatThrownBy(() -> IdxReader.read(in, "bomb.idx.gz"))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith("bomb.idx.gz: dims [2000000, 28, 38] announce 2128000000 values, more than")
                .satisfies(e -> assertThat(in.read).isLessThan(100_000));
    }

    @Test
    void a_header_within_int_range_but_above_the_mnist_sizes_is_refused_unread() throws IOException {
        byte[] file = bomb(new int[] {100_000, 28, 28}, 78_400_000);
        CountingStream in = new CountingStream(file);
        assertThatThrownBy(() -> IdxReader.read(in, "big.idx.gz"))
                .isInstanceOf(DatasetException.class)
                .hasMessage("big.idx.gz: dims [100000, 28, 28] announce 78400000 values, more than the 54880000"
                        + " (70,000 images of 28 x 28) an IDX file may hold here")
                .satisfies(e -> assertThat(in.read).isLessThan(100_000));
    }

    @Test
    void a_small_header_followed_by_endless_zeros_stops_one_byte_past_the_data() throws IOException {
        byte[] file = bomb(new int[] {2}, 50_000_000);
        assertThatThrownBy(() -> IdxReader.read(new ByteArrayInputStream(file), "tail.idx.gz"))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith("tail.idx.gz: unexpected bytes after the 2 values");
    }

    @Test
    void more_than_three_dimensions_are_refused() {
        byte[] file = {0, 0, 8, (byte) 200};
        assertThatThrownBy(() -> IdxReader.read(new ByteArrayInputStream(file), "rank.idx"))
                .hasMessage("rank.idx: the header announces 200 dimensions; IDX labels have 1 and images 3");
    }

    @Test
    void a_folder_outside_the_roots_is_refused_without_being_looked_at() {
        String roots =
                System.setProperty(DatasetRoots.PROPERTY, dir.resolve("sets").toString());
        try {
            for (String folder : new String[] {
                "/etc",
                "relative/sets",
                dir.resolve("sets/../secret").toString(),
                dir.resolve("elsewhere").toString()
            }) {
                assertThatThrownBy(() -> DatasetRoots.resolve(folder))
                        .isInstanceOf(DatasetException.class)
                        .hasMessage("dataset.folder must be an absolute folder inside " + dir.resolve("sets")
                                + " (the data set roots; gradlab.datasets.roots sets others)");
            }
        } finally {
            restore(roots);
        }
    }

    @Test
    void a_symbolic_link_inside_a_root_that_leads_outside_is_refused() throws IOException {
        Path sets = Files.createDirectory(dir.resolve("sets"));
        Path outside = Files.createDirectory(dir.resolve("outside"));
        Path inside = Files.createDirectory(sets.resolve("mnist"));
        Path link = Files.createSymbolicLink(sets.resolve("escape"), outside);
        String roots = System.setProperty(DatasetRoots.PROPERTY, sets.toString());
        try {
            assertThat(DatasetRoots.resolve(inside.toString())).isEqualTo(inside.toRealPath());
            assertThatThrownBy(() -> DatasetRoots.resolve(link.toString()))
                    .isInstanceOf(DatasetException.class)
                    .hasMessageStartingWith("dataset.folder must be an absolute folder inside " + sets);
        } finally {
            restore(roots);
        }
    }

    @Test
    void the_default_root_is_debians_datasets_folder() {
        assertThat(System.getProperty(DatasetRoots.PROPERTY)).isNull();
        assertThat(DatasetRoots.roots()).containsExactly(Path.of("/usr/share/datasets"));
    }

    private static void restore(String previous) {
        if (previous == null) {
            System.clearProperty(DatasetRoots.PROPERTY);
        } else {
            System.setProperty(DatasetRoots.PROPERTY, previous);
        }
    }

    /** Counts the compressed bytes the reader pulled. */
    private static final class CountingStream extends InputStream {
        private final ByteArrayInputStream in;
        long read;

        CountingStream(byte[] b) {
            in = new ByteArrayInputStream(b);
        }

        @Override
        public int read() {
            int v = in.read();
            read += v < 0 ? 0 : 1;
            return v;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int n = in.read(b, off, len);
            read += Math.max(n, 0);
            return n;
        }
    }
}
