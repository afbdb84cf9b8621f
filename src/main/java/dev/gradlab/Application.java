package dev.gradlab;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.Theme;
import dev.gradlab.base.ui.PageShell;
import dev.gradlab.base.ui.PreviewTitles;
import dev.gradlab.cli.Cli;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Starts the GradLab web app, or, when the first argument names a command ({@code run}, {@code bench}), runs that
 * command headless without starting a web server.
 */
@SpringBootApplication
@Theme("gradlab")
public class Application implements AppShellConfigurator {

    private final List<PreviewTitles> previewTitles;

    public Application(ObjectProvider<PreviewTitles> previewTitles) {
        this.previewTitles = previewTitles.orderedStream().toList();
    }

    public static void main(String[] args) {
        if (args.length > 0 && Cli.handles(args[0])) {
            System.exit(Cli.run(args, System.out, System.err));
        }
        SpringApplication.run(Application.class, args);
    }

    @Override
    public void configurePage(AppShellSettings settings) {
        PageShell.configure(settings, previewTitles);
    }
}
