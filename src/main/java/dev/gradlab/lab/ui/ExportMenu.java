package dev.gradlab.lab.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import dev.gradlab.lab.ScenarioExports;
import dev.gradlab.lab.ScenarioExports.Format;
import dev.gradlab.scenario.Scenario;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The Lab's "Export" menu: three download links, {@code <id>.yaml}, {@code <id>.csv} and {@code <id>.py}. Each export
 * is made when its link is followed, not when the menu is built.
 */
final class ExportMenu extends Composite<MenuBar> {

    ExportMenu(ScenarioExports exports, Scenario scenario, Locale locale) {
        MenuBar bar = getContent();
        bar.setId("export-menu");
        bar.addThemeVariants(MenuBarVariant.LUMO_TERTIARY);
        MenuItem root = bar.addItem(getTranslation("lab.export"));
        for (Format format : Format.values()) {
            Anchor link = new Anchor(handler(exports, scenario, format, locale), getTranslation(key(format)));
            link.setId("export-" + format.extension());
            root.getSubMenu().addItem(link);
        }
    }

    private static String key(Format format) {
        return switch (format) {
            case YAML -> "lab.export.yaml";
            case CSV -> "lab.export.csv";
            case PYTORCH -> "lab.export.pytorch";
        };
    }

    private static DownloadHandler handler(ScenarioExports exports, Scenario scenario, Format format, Locale locale) {
        return DownloadHandler.fromInputStream(event -> {
            try {
                byte[] bytes = exports.export(scenario, format, locale).getBytes(StandardCharsets.UTF_8);
                return new DownloadResponse(
                        new ByteArrayInputStream(bytes), format.fileName(scenario), format.contentType(), bytes.length);
            } catch (ScenarioExports.ExportBusyException e) {
                return DownloadResponse.error(503, e.getMessage());
            }
        });
    }
}
