package dev.gradlab.lab.data;

/** A training set and the test set evaluated after every epoch; both share feature layout and classes. */
public record TrainTest(Dataset train, Dataset test) {

    public TrainTest {
        if (train.classes() != test.classes() || train.features() != test.features()) {
            throw new DatasetException("train set " + train.describe() + " and test set " + test.describe()
                    + " differ in classes or features");
        }
    }
}
