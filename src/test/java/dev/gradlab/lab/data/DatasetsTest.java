package dev.gradlab.lab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTest {

    @Test
    void a_generated_set_is_split_with_the_derived_seed() {
        TrainTest tt = Datasets.load("spiral", 400, 0.1, 0.25, 42);
        assertThat(tt.train().size()).isEqualTo(300);
        assertThat(tt.test().size()).isEqualTo(100);
        TrainTest byHand = Datasets.generate("spiral", 400, 0.1, 42).split(0.25, 42 ^ 0x9E3779B97F4A7C15L);
        assertThat(tt).isEqualTo(byHand);
        assertThat(Datasets.load(" Spiral ", 400, 0.1, 0.25, 42)).isEqualTo(tt);
    }

    @Test
    void an_unknown_name_lists_the_known_ones() {
        DatasetException e = assertThatExceptionOfType(DatasetException.class)
                .isThrownBy(() -> Datasets.load("spirall", 10, 0, 0.5, 1))
                .actual();
        assertThat(e.getMessage())
                .isEqualTo("unknown data set 'spirall'; known: spiral, xor, circle, gaussian, fashion-mnist, mnist");
        assertThatExceptionOfType(DatasetException.class)
                .isThrownBy(() -> Datasets.classNames("cifar", Locale.ENGLISH));
        assertThatExceptionOfType(DatasetException.class).isThrownBy(() -> Datasets.isImageSet("cifar"));
    }

    @Test
    void image_sets_are_not_generated_and_mnist_needs_a_folder() {
        assertThat(Datasets.isImageSet("fashion-mnist")).isTrue();
        assertThat(Datasets.isImageSet("xor")).isFalse();
        DatasetException gen = assertThatExceptionOfType(DatasetException.class)
                .isThrownBy(() -> Datasets.generate("mnist", 10, 0, 1))
                .actual();
        assertThat(gen.getMessage()).contains("not generated");
        DatasetException mnist = assertThatExceptionOfType(DatasetException.class)
                .isThrownBy(() -> Datasets.load("mnist", 0, 0, 0, 0))
                .actual();
        assertThat(mnist.getMessage())
                .startsWith(
                        "mnist is not bundled: give a folder holding "
                                + "train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte");
    }

    @Test
    void fashion_mnist_class_names_come_in_english_and_traditional_chinese() {
        List<String> en = Datasets.classNames("fashion-mnist", Locale.ENGLISH);
        List<String> zh = Datasets.classNames("fashion-mnist", Locale.TRADITIONAL_CHINESE);
        assertThat(en.size()).isEqualTo(10);
        assertThat(zh.size()).isEqualTo(10);
        assertThat(en.get(0)).isEqualTo("T-shirt/top");
        assertThat(en.get(9)).isEqualTo("Ankle boot");
        assertThat(zh.get(1)).isEqualTo("褲子");
        assertThat(Datasets.classNames("circle", Locale.ENGLISH)).isEqualTo(List.of("0", "1"));
        assertThat(Datasets.classNames("mnist", Locale.ENGLISH).get(7)).isEqualTo("7");
    }

    @Test
    void a_folder_with_the_four_standard_files_loads_plain_and_gzipped_alike(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("train-images-idx3-ubyte"), IdxReaderTest.TWO_IMAGES);
        Files.write(dir.resolve("train-labels-idx1-ubyte.gz"), IdxReaderTest.gzip(IdxReaderTest.TWO_LABELS));
        Files.write(dir.resolve("t10k-images-idx3-ubyte.gz"), IdxReaderTest.gzip(IdxReaderTest.TWO_IMAGES));
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), IdxReaderTest.TWO_LABELS);
        TrainTest mnist = Datasets.load("mnist", 0, 0, 0, 0, dir);
        assertThat(mnist.train().size()).isEqualTo(2);
        assertThat(mnist.test()).isEqualTo(mnist.train());
        assertThat(mnist.train().y()[0]).isEqualTo(7);
        TrainTest fashion = Datasets.load("fashion-mnist", 0, 0, 0, 0, dir);
        assertThat(fashion.train().classNames().get(fashion.train().y()[0])).isEqualTo("Sneaker");
    }

    @Test
    void a_folder_missing_files_lists_what_was_expected_where(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("train-images-idx3-ubyte.gz"), IdxReaderTest.gzip(IdxReaderTest.TWO_IMAGES));
        Files.write(dir.resolve("t10k-images-idx3-ubyte"), IdxReaderTest.TWO_IMAGES);
        DatasetException e = assertThatExceptionOfType(DatasetException.class)
                .isThrownBy(() -> Datasets.load("fashion-mnist", 0, 0, 0, 0, dir))
                .actual();
        assertThat(e.getMessage())
                .isEqualTo("fashion-mnist: missing in " + dir.toAbsolutePath()
                        + ": train-labels-idx1-ubyte[.gz], t10k-labels-idx1-ubyte[.gz] (expected the four standard IDX files"
                        + " train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte,"
                        + " each plain or gzipped with .gz)");
        Path absent = dir.resolve("absent");
        DatasetException noFolder = assertThatExceptionOfType(DatasetException.class)
                .isThrownBy(() -> Datasets.load("mnist", 0, 0, 0, 0, absent))
                .actual();
        assertThat(noFolder.getMessage()).startsWith("mnist: folder not found: " + absent);
    }
}
