package dev.gradlab.export;

import dev.gradlab.lab.Runner;
import dev.gradlab.lab.ScenarioExports;
import dev.gradlab.lab.train.ModelTrainer;
import dev.gradlab.scenario.ModelSpec;
import dev.gradlab.scenario.Scenario;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import org.springframework.stereotype.Service;

/**
 * The Lab's exports. A model's CSV needs the model trained, which can take many seconds on a shared 2-core machine:
 * only {@link #MODEL_TRAININGS} such exports run at a time, others are refused rather than queued.
 */
@Service
class Exports implements ScenarioExports {

    static final int MODEL_TRAININGS = 1;
    private final Semaphore trainings = new Semaphore(MODEL_TRAININGS);

    @Override
    public String export(Scenario scenario, Format format, Locale locale) {
        return switch (format) {
            case YAML -> YamlExport.of(scenario);
            case PYTORCH -> PyTorchScript.of(scenario, locale);
            case CSV -> csv(scenario);
        };
    }

    private String csv(Scenario scenario) {
        ModelSpec model = scenario.kind() == Scenario.Kind.MODEL ? scenario.model() : null;
        if (model == null) {
            return CsvExport.steps(new Runner().run(scenario));
        }
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
