package dev.gradlab.lab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import dev.gradlab.BrowserTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Lab's Export menu as a student uses it: open it, follow a link, get the file. */
class ExportMenuIT extends BrowserTest {

    @BeforeEach
    void waitForTheFirstPage() {
        FirstPage.await(page, url("/"));
    }

    private Download download(String linkId) {
        page.locator("#export-menu vaadin-menu-bar-button").first().click();
        return page.waitForDownload(() -> page.locator("#" + linkId).click());
    }

    @Test
    void the_three_exports_download_as_files_named_after_the_scenario() throws Exception {
        open("/lab/gd-by-hand");
        Download yaml = download("export-yaml");
        assertThat(yaml.suggestedFilename()).isEqualTo("gd-by-hand.yaml");
        assertThat(Files.readString(yaml.path(), StandardCharsets.UTF_8))
                .isEqualTo(Files.readString(Path.of("src/main/resources/scenarios/gd-by-hand.yaml")));

        Download csv = download("export-csv");
        assertThat(csv.suggestedFilename()).isEqualTo("gd-by-hand.csv");
        // summed after step 2: 10 - 2 - (2 + 1) = 5
        assertThat(Files.readString(csv.path(), StandardCharsets.UTF_8))
                .startsWith("strategy,step,epoch,batch,loss,theta.grad,theta.applied,theta\r\n")
                .contains("summed,2,1,2,,3.0,3.0,5.0\r\n");

        Download py = download("export-py");
        assertThat(py.suggestedFilename()).isEqualTo("gd-by-hand.py");
        assertThat(Files.readString(py.path(), StandardCharsets.UTF_8))
                .contains("# Gradient descent by hand")
                .contains("if strategy == \"zeroed\":");
        screenshot("lab-export-menu");
    }
}
