package dev.gradlab.authoring.ui;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import dev.gradlab.authoring.Authoring;
import dev.gradlab.authoring.AuthoringException;
import dev.gradlab.authoring.Check;
import dev.gradlab.authoring.OwnScenario;
import dev.gradlab.authoring.Sharing;
import dev.gradlab.base.ui.PushOnDemand;
import dev.gradlab.lab.LabService;
import dev.gradlab.lab.ScenarioExports;
import dev.gradlab.lab.train.TrainingService;
import dev.gradlab.lab.ui.ScenarioPreview;
import dev.gradlab.scenario.Scenario;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The scenario editor, {@code /edit/new} and {@code /edit/{slug}}: the form and the YAML source kept in step (either
 * one edited regenerates or refills the other), the {@code run} parser's one-line problems shown at the field and the
 * line while typing, a live preview of the Lab's tables and charts from the unsaved text, import and download, and
 * saving (refused while there are problems; a stale version is refused by the service). Only the owner opens a saved
 * scenario: the service checks, this view shows its refusal.
 */
@Route("edit/:slug")
@RolesAllowed({"INSTRUCTOR", "ADMIN"})
@CssImport("./styles/views.css")
@CssImport("./styles/editor.css")
public class EditorView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    static final String NEW = "new";

    static final String TEMPLATE = """
            id: my-scenario
            title:
              en: My scenario
              zh-TW: 我的情境
            kind: expression
            learningRate: 0.1
            strategies:
              - zeroed
              - summed
            epochs: 1
            params:
              theta: 10
            steps: 3
            loss: (theta - 3)^2
            """;

    private final Authoring authoring;
    private final ScenarioExports exports;
    private final ScenarioForm form = new ScenarioForm(this::formChanged);
    private final YamlPane yaml = new YamlPane(this::yamlTyped);
    private final ScenarioPreview preview;
    private final Paragraph status = new Paragraph();
    private final Button save = new Button();
    private final Select<Sharing> sharing = new Select<>();
    private final Div exportSlot = new Div();
    private final Div shareSlot = new Div();
    private final Paragraph importStatus = new Paragraph();
    private final H1 heading = new H1();
    private @Nullable OwnScenario saved;

    private @Nullable String slug;
    private long version;
    private @Nullable ObjectNode tree;
    private volatile @Nullable Scenario valid;
    private volatile String text = TEMPLATE;

    public EditorView(Authoring authoring, LabService lab, TrainingService training, ScenarioExports exports) {
        PushOnDemand.need(this);
        this.authoring = authoring;
        this.exports = exports;
        this.preview = new ScenarioPreview(lab, training);
        addClassName("gradlab-page");
        addClassName("gradlab-editor");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String wanted = event.getRouteParameters().get("slug").orElse(NEW);
        removeAll();
        if (NEW.equals(wanted)) {
            slug = null;
            saved = null;
            version = 0;
            build(TEMPLATE, Sharing.PRIVATE);
            return;
        }
        try {
            OwnScenario own = authoring.open(wanted);
            saved = own;
            slug = own.slug();
            version = own.version();
            build(own.source(), own.sharing());
        } catch (AuthoringException e) {
            Div box = new Div(
                    new H1(getTranslation("editor.refused")),
                    new Paragraph(Refusals.text(this, e, authoring.maxScenariosPerUser())));
            box.setId("editor-error");
            box.addClassName("gradlab-callout");
            Anchor mine = new Anchor("my", getTranslation("nav.my"));
            mine.addClassName("gradlab-cta");
            box.add(mine);
            add(box);
        }
    }

    private void build(String source, Sharing shared) {
        heading.setId("editor-heading");
        heading.setText(headingText());
        add(heading);
        sharing.setLabel(getTranslation("editor.visibility"));
        sharing.setId("editor-visibility");
        sharing.setItems(Sharing.values());
        sharing.setItemLabelGenerator(s -> getTranslation(ShareBox.visibilityKey(s)));
        sharing.setValue(shared);
        save.setText(getTranslation("editor.save"));
        save.setId("editor-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        status.setId("editor-status");
        status.getElement().setAttribute("role", "status");
        status.addClassName("gradlab-editor-status");
        Div bar = new Div(sharing, save, importButton(), downloadLink(), exportSlot);
        bar.addClassName("gradlab-editor-bar");
        importStatus.setId("import-status");
        importStatus.getElement().setAttribute("role", "status");

        Div formBox = new Div(new H2(getTranslation("editor.form")), form);
        formBox.addClassName("gradlab-panel");
        Div yamlBox = new Div(new H2(getTranslation("editor.source")), yaml);
        yamlBox.addClassName("gradlab-panel");
        Div panes = new Div(formBox, yamlBox);
        panes.addClassName("gradlab-editor-panes");
        Div previewBox = new Div(new H2(getTranslation("editor.preview")), preview);
        previewBox.addClassName("gradlab-panel");
        add(bar, status, importStatus, shareSlot, panes, previewBox);

        yaml.setText(source);
        yamlTyped(source);
        showShare();
    }

    /** YAML → form: a text that is not YAML leaves the form as it was; the problem is shown either way. */
    private void yamlTyped(String source) {
        text = source;
        try {
            tree = ScenarioDocument.read(source);
            form.fill(ScenarioDocument.toForm(tree));
        } catch (Exception notYaml) {
            // the form keeps its last good state; the parser's line says what is wrong
        }
        check();
    }

    /** Form → YAML: regenerates the whole document from the form; a field that is not YAML is marked instead. */
    private void formChanged() {
        ScenarioDocument.Written w = ScenarioDocument.fromForm(form.values(), tree);
        form.clearMarks();
        if (w.error() != null) {
            form.mark(w.error().field(), w.error().message());
            showProblem(w.error().message());
            return;
        }
        String source = java.util.Objects.requireNonNull(w.yaml());
        yaml.setText(source);
        text = source;
        try {
            tree = ScenarioDocument.read(source);
        } catch (Exception e) {
            throw new IllegalStateException("a written document reads back", e);
        }
        check();
    }

    private void check() {
        Check c = authoring.check(text);
        form.clearMarks();
        Check.Problem p = c.problem();
        if (p != null) {
            valid = null;
            yaml.setProblem(p.message(), p.line());
            if (p.field() != null) {
                FormField.named(p.field()).forEach(f -> form.mark(f, p.message()));
            }
            showProblem(p.message());
            return;
        }
        yaml.setProblem(null, null);
        Scenario s = java.util.Objects.requireNonNull(c.scenario());
        valid = s;
        save.setEnabled(true);
        status.setText(getTranslation("editor.valid"));
        status.removeClassName("error");
        exportSlot.removeAll();
        exportSlot.add(ScenarioPreview.exportMenu(exports, s, getLocale()));
        try {
            preview.show(s);
        } catch (RuntimeException e) {
            preview.showProblem(java.util.Objects.requireNonNullElse(e.getMessage(), e.toString()));
        }
    }

    private void showProblem(String message) {
        valid = null;
        save.setEnabled(false);
        status.setText(getTranslation("editor.problem", message));
        status.addClassName("error");
    }

    private void save() {
        if (valid == null) {
            return; // the button is disabled; a crafted click still saves nothing
        }
        Sharing chosen = java.util.Objects.requireNonNullElse(sharing.getValue(), Sharing.PRIVATE);
        try {
            OwnScenario now =
                    slug == null ? authoring.create(text, chosen) : authoring.update(slug, text, chosen, version);
            boolean created = slug == null;
            saved = now;
            slug = now.slug();
            version = now.version();
            status.setText(getTranslation("editor.saved", now.version()));
            status.removeClassName("error");
            // the heading and the tab name follow the saved title (a save may have changed it)
            heading.setText(headingText());
            UI ui = UI.getCurrent();
            ui.getPage().setTitle(getPageTitle());
            if (created) {
                ui.getPage().getHistory().replaceState(null, new Location("edit/" + slug));
                showShare();
            }
        } catch (AuthoringException e) {
            status.setText(getTranslation("editor.not-saved", Refusals.text(this, e, authoring.maxScenariosPerUser())));
            status.addClassName("error");
        }
    }

    private void showShare() {
        shareSlot.removeAll();
        if (slug != null) {
            shareSlot.add(new ShareBox(slug, ""));
        }
    }

    private Component importButton() {
        Upload upload = new Upload(UploadHandler.inMemory((meta, bytes) -> {
            String name = meta.fileName();
            getUI().ifPresent(ui -> ui.access(() -> imported(name, bytes)));
        }));
        upload.setId("editor-import");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(1024 * 1024);
        upload.setAcceptedFileTypes(".yaml", ".yml", ".json", "application/json", "application/yaml", "text/yaml");
        upload.setUploadButton(new Button(getTranslation("editor.import")));
        upload.setDropAllowed(false);
        upload.addFileRejectedListener(
                e -> importStatus.setText(getTranslation("editor.import.refused", e.getErrorMessage())));
        upload.getElement().setAttribute("aria-label", getTranslation("editor.import"));
        return upload;
    }

    /** An imported file replaces the text only when it is a valid scenario: nothing in the editor is lost otherwise. */
    private void imported(String name, byte[] bytes) {
        String source;
        try {
            source = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            importStatus.setText(getTranslation("editor.import.refused", name + ": not a UTF-8 text file"));
            return;
        }
        Check c = authoring.check(source);
        if (c.problem() != null) {
            importStatus.setText(
                    getTranslation("editor.import.refused", c.problem().message()));
            return;
        }
        importStatus.setText(getTranslation("editor.import.done", name));
        yaml.setText(source);
        yamlTyped(source);
    }

    private Component downloadLink() {
        Anchor link = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                    String id = valid != null ? valid.id() : "scenario";
                    return new DownloadResponse(
                            new ByteArrayInputStream(bytes), id + ".yaml", "application/yaml", bytes.length);
                }),
                getTranslation("editor.download"));
        link.setId("editor-download");
        return link;
    }

    /** "New scenario" until the first save; then the saved scenario's title, in the reader's language. */
    private String headingText() {
        OwnScenario s = saved;
        return s == null
                ? getTranslation("editor.title.new")
                : getTranslation("editor.title.named", s.title(getLocale()));
    }

    @Override
    public String getPageTitle() {
        return headingText() + " · GradLab";
    }
}
