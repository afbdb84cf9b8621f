package dev.gradlab.export;

import dev.gradlab.lab.Runner;
import dev.gradlab.lab.ScenarioExports;
import dev.gradlab.lab.train.ModelTrainer;
import dev.gradlab.scenario.ModelScenario;
import dev.gradlab.scenario.Scenario;
import java.util.Locale;
import java.util.concurrent.Semaphore;

/**
 * The Lab's exports. A model's CSV needs the model trained, which can take many seconds on a shared 2-core machine:
 * only {@link #MODEL_TRAININGS} such exports run at a time, others are refused rather than queued. A plain class:
 * the web app declares one instance as a bean in {@code dev.gradlab.GradlabBeans}, so the semaphore is shared.
 */
public final class Exports implements ScenarioExports {

    static final int MODEL_TRAININGS = 1;
    private final Semaphore trainings = new Semaphore(MODEL_TRAININGS);

    public Exports() {}

    @Override
    public String export(Scenario scenario, Format format, Locale locale) {
        return switch (format) {
            case YAML -> YamlExport.of(scenario);
            case PYTORCH -> PyTorchScript.of(scenario, locale);
            case CSV -> csv(scenario);
        };
    }

    private String csv(Scenario scenario) {
        return scenario.match(
                m -> CsvExport.steps(new Runner().run(m)), e -> CsvExport.steps(new Runner().run(e)), this::modelCsv);
    }

    private String modelCsv(ModelScenario model) {
        if (!trainings.tryAcquire()) {
            throw new ExportBusyException("another model is being trained for an export; try again in a moment");
        }
        try {
            return CsvExport.epochs(new ModelTrainer().train(model));
        } finally {
            trainings.release();
        }
    }
}
