package dev.gradlab.lab;

import dev.gradlab.scenario.Scenario;
import java.util.Locale;

/**
 * What the Lab's Export menu asks for: a scenario exported in one of three formats. The export feature implements it,
 * so the Lab offers exports without depending on that feature.
 */
public interface ScenarioExports {

    /** The formats, with the file extension and media type of a download. */
    enum Format {
        YAML("yaml", "application/yaml; charset=utf-8"),
        CSV("csv", "text/csv; charset=utf-8"),
        PYTORCH("py", "text/x-python; charset=utf-8");

        private final String extension;
        private final String contentType;

        Format(String extension, String contentType) {
            this.extension = extension;
            this.contentType = contentType;
        }

        public String extension() {
            return extension;
        }

        public String contentType() {
            return contentType;
        }

        /** The download's file name: {@code <id>.yaml}, {@code <id>.csv}, {@code <id>.py}. */
        public String fileName(Scenario scenario) {
            return scenario.id() + "." + extension;
        }
    }

    /**
     * The export's text; {@code locale} chooses the language of the script's comments.
     *
     * @throws ExportBusyException when the export needs a model trained and too many such exports are running
     */
    String export(Scenario scenario, Format format, Locale locale);

    /** Too many exports that train a model are already running; try again shortly. */
    final class ExportBusyException extends RuntimeException {
        public ExportBusyException(String message) {
            super(message);
        }
    }
}
