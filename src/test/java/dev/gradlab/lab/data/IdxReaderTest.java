package dev.gradlab.lab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

    /** Two 2×3 images, header written byte by byte: magic 00 00 08 03, dims 2, 2, 3 (big-endian), then 12 pixels. */
    static final byte[] TWO_IMAGES = bytes(
            0, 0, 0x08, 3,
            0, 0, 0, 2,
            0, 0, 0, 2,
            0, 0, 0, 3,
            0, 51, 102, 153, 204, 255,
            255, 0, 0, 0, 0, 1);

    /** Their labels: magic 00 00 08 01, dim 2, labels 7 and 0. */
    static final byte[] TWO_LABELS = bytes(0, 0, 0x08, 1, 0, 0, 0, 2, 7, 0);

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        }
        return out.toByteArray();
    }

    static IdxFile read(byte[] b, String source) {
        return IdxReader.read(new ByteArrayInputStream(b), source);
    }

    static DatasetException failure(byte[] b, String source) {
        return assertThrows(DatasetException.class, () -> read(b, source));
    }

    @Test
    void a_hand_built_file_reads_back_its_dims_and_unsigned_values() {
        IdxFile f = read(TWO_IMAGES, "two.idx");
        assertArrayEquals(new int[] {2, 2, 3}, f.dims());
        assertEquals(2, f.count());
        assertEquals(255, f.get(5)); // 0xFF is 255, not −1
        assertEquals(153, f.get(3));
        assertEquals(1, f.get(11));
    }

    @Test
    void a_gzipped_file_is_recognised_by_its_content_not_its_name() throws IOException {
        IdxFile plain = read(TWO_IMAGES, "a");
        IdxFile gz = read(gzip(TWO_IMAGES), "no-extension");
        assertArrayEquals(plain.dims(), gz.dims());
        assertArrayEquals(plain.data(), gz.data());
    }

    @Test
    void dims_above_255_are_read_big_endian() {
        // dims 1 × 258 (0x0102): a little-endian reader would see 0x02010000
        byte[] b = new byte[8 + 258];
        b[2] = 0x08;
        b[3] = 1;
        b[6] = 1;
        b[7] = 2;
        assertArrayEquals(new int[] {258}, read(b, "long.idx").dims());
    }

    @Test
    void images_become_rows_of_pixels_divided_by_255_with_their_labels() {
        Dataset d = IdxReader.images("tiny", read(TWO_IMAGES, "i"), read(TWO_LABELS, "l"), FashionMnist.DIGITS);
        assertEquals(2, d.size());
        assertEquals(2, d.height());
        assertEquals(3, d.width());
        assertEquals(10, d.classes());
        assertArrayEquals(new int[] {7, 0}, d.y());
        assertArrayEquals(new double[] {0, 0.2, 0.4, 0.6, 0.8, 1}, d.x()[0], 1e-15);
        assertArrayEquals(new double[] {1, 0, 0, 0, 0, 1 / 255.0}, d.x()[1], 1e-15);
        assertEquals("pixel[1,2]", d.featureNames().get(5));
    }

    @Test
    void a_file_not_starting_with_two_zero_bytes_has_a_bad_magic_number() {
        byte[] b = TWO_IMAGES.clone();
        b[0] = 0x12;
        DatasetException e = failure(b, "x.idx");
        assertTrue(e.getMessage().startsWith("x.idx: not an IDX file: bad magic number 0x12000803"), e.getMessage());
    }

    @Test
    void zero_dimensions_is_a_bad_magic_number() {
        DatasetException e = failure(bytes(0, 0, 8, 0), "z.idx");
        assertTrue(e.getMessage().contains("bad magic number 0x00000800"), e.getMessage());
    }

    @Test
    void other_idx_types_are_named_and_refused() {
        DatasetException e = failure(bytes(0, 0, 0x0D, 1, 0, 0, 0, 1, 0, 0, 0, 0), "f.idx");
        assertTrue(e.getMessage().contains("f.idx: IDX type code 0x0d (float) is not supported"), e.getMessage());
    }

    @Test
    void a_file_shorter_than_the_magic_number_is_truncated() {
        assertTrue(failure(bytes(0, 0), "s.idx").getMessage().startsWith("s.idx: truncated: 2 bytes"));
        assertTrue(failure(new byte[0], "e.idx").getMessage().startsWith("e.idx: truncated: 0 bytes"));
    }

    @Test
    void a_header_missing_dimensions_is_truncated() {
        DatasetException e = failure(Arrays.copyOf(TWO_IMAGES, 10), "h.idx");
        assertTrue(e.getMessage().contains("h.idx: truncated: the header announces 3 dimensions (12 bytes) but only 6"),
                e.getMessage());
    }

    @Test
    void missing_pixels_are_reported_with_how_many_were_expected() {
        DatasetException e = failure(Arrays.copyOf(TWO_IMAGES, TWO_IMAGES.length - 1), "p.idx");
        assertEquals("p.idx: truncated: dims [2, 2, 3] need 12 bytes of data, the file has only 11", e.getMessage());
    }

    @Test
    void extra_bytes_after_the_data_are_refused() {
        DatasetException e = failure(Arrays.copyOf(TWO_LABELS, TWO_LABELS.length + 1), "t.idx");
        assertTrue(e.getMessage().startsWith("t.idx: unexpected bytes after the 2 values"), e.getMessage());
    }

    @Test
    void a_dimension_beyond_int_range_is_refused() {
        DatasetException e = failure(bytes(0, 0, 8, 1, 0x80, 0, 0, 0), "big.idx");
        assertTrue(e.getMessage().contains("big.idx: dimension 0 is 2147483648, too large"), e.getMessage());
        DatasetException product = failure(bytes(0, 0, 8, 2, 0x10, 0, 0, 0, 0x10, 0, 0, 0), "prod.idx");
        assertTrue(product.getMessage().contains("more values than one Java array can"), product.getMessage());
    }

    @Test
    void truncated_or_corrupt_gzip_data_is_named_as_such() throws IOException {
        byte[] gz = gzip(TWO_IMAGES);
        DatasetException cut = failure(Arrays.copyOf(gz, gz.length - 12), "cut.gz");
        assertTrue(cut.getMessage().startsWith("cut.gz: "), cut.getMessage());
        assertTrue(cut.getMessage().contains("truncated"), cut.getMessage());
        byte[] bad = gz.clone();
        bad[gz.length - 8] ^= 0x55; // the CRC-32 in the gzip trailer no longer matches the data
        DatasetException corrupt = failure(bad, "bad.gz");
        assertTrue(corrupt.getMessage().startsWith("bad.gz: corrupt or truncated gzip data"), corrupt.getMessage());
    }

    @Test
    void a_missing_file_is_named() {
        Path nowhere = Path.of("no", "such", "train-images-idx3-ubyte");
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.read(nowhere));
        assertEquals("IDX file not found: " + nowhere, e.getMessage());
    }

    @Test
    void files_are_read_from_disk_plain_or_gzipped(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("a"), TWO_IMAGES);
        Files.write(dir.resolve("a.gz"), gzip(TWO_IMAGES));
        assertArrayEquals(IdxReader.read(dir.resolve("a")).data(), IdxReader.read(dir.resolve("a.gz")).data());
        assertEquals(dir.resolve("a.gz").toString(), IdxReader.read(dir.resolve("a.gz")).source());
    }

    @Test
    void image_and_label_counts_must_match_and_both_files_are_named() {
        IdxFile oneLabel = read(bytes(0, 0, 8, 1, 0, 0, 0, 1, 3), "labels.idx");
        DatasetException e = assertThrows(DatasetException.class,
                () -> IdxReader.images("m", read(TWO_IMAGES, "images.idx"), oneLabel, FashionMnist.DIGITS));
        assertEquals("count mismatch: images.idx holds 2 images but labels.idx holds 1 labels", e.getMessage());
    }

    @Test
    void images_need_three_dimensions_and_labels_one() {
        IdxFile labels = read(TWO_LABELS, "labels.idx");
        DatasetException flat = assertThrows(DatasetException.class,
                () -> IdxReader.images("m", labels, labels, FashionMnist.DIGITS));
        assertTrue(flat.getMessage().startsWith("labels.idx: expected images with 3 dimensions"), flat.getMessage());
        IdxFile images = read(TWO_IMAGES, "images.idx");
        DatasetException rank = assertThrows(DatasetException.class,
                () -> IdxReader.images("m", images, images, FashionMnist.DIGITS));
        assertTrue(rank.getMessage().startsWith("images.idx: expected labels with 1 dimension"), rank.getMessage());
    }

    @Test
    void a_label_outside_the_classes_is_named_with_its_index() {
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.images("m",
                read(TWO_IMAGES, "i"), read(TWO_LABELS, "labels.idx"), List.of("a", "b", "c")));
        assertEquals("labels.idx: label 7 at index 0 is outside 0..2", e.getMessage());
    }
}
