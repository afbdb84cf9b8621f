package dev.gradlab.lab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertEquals(300, tt.train().size());
        assertEquals(100, tt.test().size());
        TrainTest byHand = Datasets.generate("spiral", 400, 0.1, 42).split(0.25, 42 ^ 0x9E3779B97F4A7C15L);
        assertEquals(byHand, tt);
        assertEquals(tt, Datasets.load(" Spiral ", 400, 0.1, 0.25, 42));
    }

    @Test
    void an_unknown_name_lists_the_known_ones() {
        DatasetException e = assertThrows(DatasetException.class, () -> Datasets.load("spirall", 10, 0, 0.5, 1));
        assertEquals("unknown data set 'spirall'; known: spiral, xor, circle, gaussian, fashion-mnist, mnist",
                e.getMessage());
        assertThrows(DatasetException.class, () -> Datasets.classNames("cifar", Locale.ENGLISH));
        assertThrows(DatasetException.class, () -> Datasets.isImageSet("cifar"));
    }

    @Test
    void image_sets_are_not_generated_and_mnist_needs_a_folder() {
        assertTrue(Datasets.isImageSet("fashion-mnist"));
        assertFalse(Datasets.isImageSet("xor"));
        DatasetException gen = assertThrows(DatasetException.class, () -> Datasets.generate("mnist", 10, 0, 1));
        assertTrue(gen.getMessage().contains("not generated"));
        DatasetException mnist = assertThrows(DatasetException.class, () -> Datasets.load("mnist", 0, 0, 0, 0));
        assertTrue(mnist.getMessage().startsWith("mnist is not bundled: give a folder holding "
                + "train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte"),
                mnist.getMessage());
    }

    @Test
    void fashion_mnist_class_names_come_in_english_and_traditional_chinese() {
        List<String> en = Datasets.classNames("fashion-mnist", Locale.ENGLISH);
        List<String> zh = Datasets.classNames("fashion-mnist", Locale.TRADITIONAL_CHINESE);
        assertEquals(10, en.size());
        assertEquals(10, zh.size());
        assertEquals("T-shirt/top", en.get(0));
        assertEquals("Ankle boot", en.get(9));
        assertEquals("褲子", zh.get(1));
        assertEquals(List.of("0", "1"), Datasets.classNames("circle", Locale.ENGLISH));
        assertEquals("7", Datasets.classNames("mnist", Locale.ENGLISH).get(7));
    }

    @Test
    void a_folder_with_the_four_standard_files_loads_plain_and_gzipped_alike(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("train-images-idx3-ubyte"), IdxReaderTest.TWO_IMAGES);
        Files.write(dir.resolve("train-labels-idx1-ubyte.gz"), IdxReaderTest.gzip(IdxReaderTest.TWO_LABELS));
        Files.write(dir.resolve("t10k-images-idx3-ubyte.gz"), IdxReaderTest.gzip(IdxReaderTest.TWO_IMAGES));
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), IdxReaderTest.TWO_LABELS);
        TrainTest mnist = Datasets.load("mnist", 0, 0, 0, 0, dir);
        assertEquals(2, mnist.train().size());
        assertEquals(mnist.train(), mnist.test());
        assertEquals(7, mnist.train().y()[0]);
        TrainTest fashion = Datasets.load("fashion-mnist", 0, 0, 0, 0, dir);
        assertEquals("Sneaker", fashion.train().classNames().get(fashion.train().y()[0]));
    }

    @Test
    void a_folder_missing_files_lists_what_was_expected_where(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("train-images-idx3-ubyte.gz"), IdxReaderTest.gzip(IdxReaderTest.TWO_IMAGES));
        Files.write(dir.resolve("t10k-images-idx3-ubyte"), IdxReaderTest.TWO_IMAGES);
        DatasetException e = assertThrows(DatasetException.class,
                () -> Datasets.load("fashion-mnist", 0, 0, 0, 0, dir));
        assertEquals("fashion-mnist: missing in " + dir.toAbsolutePath()
                + ": train-labels-idx1-ubyte[.gz], t10k-labels-idx1-ubyte[.gz] (expected the four standard IDX files"
                + " train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte,"
                + " each plain or gzipped with .gz)", e.getMessage());
        Path absent = dir.resolve("absent");
        DatasetException noFolder = assertThrows(DatasetException.class,
                () -> Datasets.load("mnist", 0, 0, 0, 0, absent));
        assertTrue(noFolder.getMessage().startsWith("mnist: folder not found: " + absent), noFolder.getMessage());
    }
}
