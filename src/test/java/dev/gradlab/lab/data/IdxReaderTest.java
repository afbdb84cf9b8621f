package dev.gradlab.lab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

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
    static final byte[] TWO_IMAGES =
            bytes(0, 0, 0x08, 3, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 3, 0, 51, 102, 153, 204, 255, 255, 0, 0, 0, 0, 1);

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
        return assertThatExceptionOfType(DatasetException.class)
                .isThrownBy(() -> read(b, source))
                .actual();
    }

    @Test
    void a_hand_built_file_reads_back_its_dims_and_unsigned_values() {
        IdxFile f = read(TWO_IMAGES, "two.idx");
        assertThat(f.dims()).containsExactly(new int[] {2, 2, 3});
        assertThat(f.count()).isEqualTo(2);
        assertThat(f.get(5)).isEqualTo(255); // 0xFF is 255, not −1
        assertThat(f.get(3)).isEqualTo(153);
        assertThat(f.get(11)).isEqualTo(1);
    }

    @Test
    void a_gzipped_file_is_recognised_by_its_content_not_its_name() throws IOException {
        IdxFile plain = read(TWO_IMAGES, "a");
        IdxFile gz = read(gzip(TWO_IMAGES), "no-extension");
        assertThat(gz.dims()).containsExactly(plain.dims());
        assertThat(gz.data()).containsExactly(plain.data());
    }

    @Test
    void dims_above_255_are_read_big_endian() {
        // dims 1 × 258 (0x0102): a little-endian reader would see 0x02010000
        byte[] b = new byte[8 + 258];
        b[2] = 0x08;
        b[3] = 1;
        b[6] = 1;
        b[7] = 2;
        assertThat(read(b, "long.idx").dims()).containsExactly(new int[] {258});
    }

    @Test
    void images_become_rows_of_pixels_divided_by_255_with_their_labels() {
        Dataset d = IdxReader.images("tiny", read(TWO_IMAGES, "i"), read(TWO_LABELS, "l"), FashionMnist.DIGITS);
        assertThat(d.size()).isEqualTo(2);
        assertThat(d.height()).isEqualTo(2);
        assertThat(d.width()).isEqualTo(3);
        assertThat(d.classes()).isEqualTo(10);
        assertThat(d.y()).containsExactly(new int[] {7, 0});
        assertThat(d.x()[0]).containsExactly(new double[] {0, 0.2, 0.4, 0.6, 0.8, 1}, within(1e-15));
        assertThat(d.x()[1]).containsExactly(new double[] {1, 0, 0, 0, 0, 1 / 255.0}, within(1e-15));
        assertThat(d.featureNames().get(5)).isEqualTo("pixel[1,2]");
    }

    @Test
    void a_file_not_starting_with_two_zero_bytes_has_a_bad_magic_number() {
        byte[] b = TWO_IMAGES.clone();
        b[0] = 0x12;
        DatasetException e = failure(b, "x.idx");
        assertThat(e.getMessage()).startsWith("x.idx: not an IDX file: bad magic number 0x12000803");
    }

    @Test
    void zero_dimensions_is_a_bad_magic_number() {
        DatasetException e = failure(bytes(0, 0, 8, 0), "z.idx");
        assertThat(e.getMessage()).contains("bad magic number 0x00000800");
    }

    @Test
    void other_idx_types_are_named_and_refused() {
        DatasetException e = failure(bytes(0, 0, 0x0D, 1, 0, 0, 0, 1, 0, 0, 0, 0), "f.idx");
        assertThat(e.getMessage()).contains("f.idx: IDX type code 0x0d (float) is not supported");
    }

    @Test
    void a_file_shorter_than_the_magic_number_is_truncated() {
        assertThat(failure(bytes(0, 0), "s.idx").getMessage()).startsWith("s.idx: truncated: 2 bytes");
        assertThat(failure(new byte[0], "e.idx").getMessage()).startsWith("e.idx: truncated: 0 bytes");
    }

    @Test
    void a_header_missing_dimensions_is_truncated() {
        DatasetException e = failure(Arrays.copyOf(TWO_IMAGES, 10), "h.idx");
        assertThat(e.getMessage())
                .contains("h.idx: truncated: the header announces 3 dimensions (12 bytes) but only 6");
    }

    @Test
    void missing_pixels_are_reported_with_how_many_were_expected() {
        DatasetException e = failure(Arrays.copyOf(TWO_IMAGES, TWO_IMAGES.length - 1), "p.idx");
        assertThat(e.getMessage())
                .isEqualTo("p.idx: truncated: dims [2, 2, 3] need 12 bytes of data, the file has only 11");
    }

    @Test
    void extra_bytes_after_the_data_are_refused() {
        DatasetException e = failure(Arrays.copyOf(TWO_LABELS, TWO_LABELS.length + 1), "t.idx");
        assertThat(e.getMessage()).startsWith("t.idx: unexpected bytes after the 2 values");
    }

    @Test
    void a_dimension_beyond_int_range_is_refused() {
        DatasetException e = failure(bytes(0, 0, 8, 1, 0x80, 0, 0, 0), "big.idx");
        assertThat(e.getMessage()).contains("big.idx: dimension 0 is 2147483648, too large");
        DatasetException product = failure(bytes(0, 0, 8, 2, 0x10, 0, 0, 0, 0x10, 0, 0, 0), "prod.idx");
        assertThat(product.getMessage()).contains("more values than one Java array can");
    }

    @Test
    void truncated_or_corrupt_gzip_data_is_named_as_such() throws IOException {
        byte[] gz = gzip(TWO_IMAGES);
        DatasetException cut = failure(Arrays.copyOf(gz, gz.length - 12), "cut.gz");
        assertThat(cut.getMessage()).startsWith("cut.gz: ");
        assertThat(cut.getMessage()).contains("truncated");
        byte[] bad = gz.clone();
        bad[gz.length - 8] ^= 0x55; // the CRC-32 in the gzip trailer no longer matches the data
        DatasetException corrupt = failure(bad, "bad.gz");
        assertThat(corrupt.getMessage()).startsWith("bad.gz: corrupt or truncated gzip data");
    }

    @Test
    void a_missing_file_is_named() {
        Path nowhere = Path.of("no", "such", "train-images-idx3-ubyte");
        DatasetException e = assertThatExceptionOfType(DatasetException.class)
                .isThrownBy(() -> IdxReader.read(nowhere))
                .actual();
        assertThat(e.getMessage()).isEqualTo("IDX file not found: " + nowhere);
    }

    @Test
    void files_are_read_from_disk_plain_or_gzipped(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("a"), TWO_IMAGES);
        Files.write(dir.resolve("a.gz"), gzip(TWO_IMAGES));
        assertThat(IdxReader.read(dir.resolve("a.gz")).data())
                .containsExactly(IdxReader.read(dir.resolve("a")).data());
        assertThat(IdxReader.read(dir.resolve("a.gz")).source())
                .isEqualTo(dir.resolve("a.gz").toString());
    }

    @Test
    void image_and_label_counts_must_match_and_both_files_are_named() {
        IdxFile oneLabel = read(bytes(0, 0, 8, 1, 0, 0, 0, 1, 3), "labels.idx");
        DatasetException e = assertThatExceptionOfType(DatasetException.class)
                .isThrownBy(() -> IdxReader.images("m", read(TWO_IMAGES, "images.idx"), oneLabel, FashionMnist.DIGITS))
                .actual();
        assertThat(e.getMessage()).isEqualTo("count mismatch: images.idx holds 2 images but labels.idx holds 1 labels");
    }

    @Test
    void images_need_three_dimensions_and_labels_one() {
        IdxFile labels = read(TWO_LABELS, "labels.idx");
        DatasetException flat = assertThatExceptionOfType(DatasetException.class)
                .isThrownBy(() -> IdxReader.images("m", labels, labels, FashionMnist.DIGITS))
                .actual();
        assertThat(flat.getMessage()).startsWith("labels.idx: expected images with 3 dimensions");
        IdxFile images = read(TWO_IMAGES, "images.idx");
        DatasetException rank = assertThatExceptionOfType(DatasetException.class)
                .isThrownBy(() -> IdxReader.images("m", images, images, FashionMnist.DIGITS))
                .actual();
        assertThat(rank.getMessage()).startsWith("images.idx: expected labels with 1 dimension");
    }

    @Test
    void a_label_outside_the_classes_is_named_with_its_index() {
        DatasetException e = assertThatExceptionOfType(DatasetException.class)
                .isThrownBy(() -> IdxReader.images(
                        "m", read(TWO_IMAGES, "i"), read(TWO_LABELS, "labels.idx"), List.of("a", "b", "c")))
                .actual();
        assertThat(e.getMessage()).isEqualTo("labels.idx: label 7 at index 0 is outside 0..2");
    }
}
