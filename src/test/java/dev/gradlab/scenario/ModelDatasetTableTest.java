package dev.gradlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradlab.lab.data.Datasets;
import dev.gradlab.lab.data.TrainTest;
import org.junit.jupiter.api.Test;

/** The scenario parser's table of data-set shapes (it may not call the lab) must match the real data sets. */
class ModelDatasetTableTest {

    @Test
    void the_parsers_table_of_features_and_classes_matches_the_data_sets() {
        assertThat(ModelReader.DATASET_ORDER).containsExactlyElementsOf(Datasets.NAMES);
        assertThat(ModelReader.MAX_SAMPLES).isEqualTo(Datasets.MAX_SAMPLES);
        for (String name : Datasets.GENERATED) {
            TrainTest tt = Datasets.load(name, 40, 0.1, 0.25, 1);
            assertThat(ModelReader.DATASETS.get(name))
                    .as(name)
                    .containsExactly(tt.train().features(), tt.train().classes());
        }
        TrainTest fashion = Datasets.fashionMnist();
        assertThat(ModelReader.DATASETS.get("fashion-mnist"))
                .containsExactly(fashion.train().features(), fashion.train().classes());
        assertThat(ModelReader.DATASETS.get("mnist")).containsExactly(784, 10);
        assertThat(ModelReader.BUNDLED_TRAIN).isEqualTo(fashion.train().size());
    }
}
