package dev.gradlab.classroom.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.gradlab.base.ui.QrSvg;
import dev.gradlab.classroom.BuiltInQuestion;
import dev.gradlab.classroom.ClassException;
import dev.gradlab.classroom.ClassService;
import dev.gradlab.classroom.Pace;
import dev.gradlab.classroom.QuestionKind;
import dev.gradlab.classroom.events.ClassEvents;
import dev.gradlab.scenario.GradientStrategy;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * {@code /classes/{code}}: the instructor's dashboard. The service checks that the signed-in user owns the class on
 * every call; the page re-reads the class on every class event, so answers appear as they arrive.
 */
@Route("classes/:code")
@RolesAllowed({"INSTRUCTOR", "ADMIN"})
public class ClassDashboardView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ClassService classes;
    private final String me;
    private String code = "";
    private String joinUrl = "";
    private boolean built;

    private final H2 title = new H2();
    private final Span step = new Span();
    private final Span students = new Span();
    private final Div studentList = new Div();
    private final Button previous = new Button();
    private final Button next = new Button();
    private final Div tallies = new Div();
    private final Div poseBox = new Div();
    private final Paragraph message = new Paragraph();
    private final Div header = new Div();

    public ClassDashboardView(ClassService classes, ClassEvents events, AuthenticationContext authentication) {
        this.classes = classes;
        ClassEventRefresh.install(this, events, () -> code, this::refresh);
        this.me = authentication.getPrincipalName().orElseThrow();
        addClassName("gradlab-dashboard");
        ClassStyles.touchTargets(this);
        step.setId("dashboard-step");
        students.setId("dashboard-students");
        tallies.setId("dashboard-tallies");
        tallies.setWidthFull();
        message.getElement().setAttribute("role", "alert");
        previous.setText(getTranslation("class.step.previous"));
        next.setText(getTranslation("class.step.next"));
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        code = event.getRouteParameters().get("code").orElse("").toUpperCase(java.util.Locale.ROOT);
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        String base = "";
        if (request != null) {
            var r = request.getHttpServletRequest();
            boolean defaultPort = (r.getScheme().equals("http") && r.getServerPort() == 80)
                    || (r.getScheme().equals("https") && r.getServerPort() == 443);
            base = r.getScheme() + "://" + r.getServerName() + (defaultPort ? "" : ":" + r.getServerPort())
                    + r.getContextPath();
        }
        joinUrl = base + "/join/" + code;
        refresh();
    }

    private void refresh() {
        ClassService.Dashboard d;
        try {
            d = classes.dashboard(me, code);
        } catch (ClassException e) {
            removeAll();
            add(new H2(getTranslation("class.dashboard.title", code)), new Paragraph(ClassMessages.refusal(this, e)));
            return;
        }
        if (!built) {
            build(d);
            built = true;
        }
        ClassService.Summary s = d.summary();
        title.setText(getTranslation("class.dashboard.title", s.code()) + " · "
                + s.title().in(getLocale()));
        step.setText(getTranslation("class.step", s.step(), s.totalSteps()));
        students.setText(getTranslation("class.dashboard.students", s.students()));
        previous.setEnabled(!s.over() && s.step() > 0);
        next.setEnabled(!s.over() && s.step() < s.totalSteps());
        previous.setVisible(s.pace() == Pace.INSTRUCTOR);
        next.setVisible(s.pace() == Pace.INSTRUCTOR);
        poseBox.setVisible(!s.over());
        studentList.removeAll();
        for (ClassService.StudentLine line : d.students()) {
            String who = line.nickname() != null
                    ? line.nickname()
                    : getTranslation("class.dashboard.anonymous", line.seat());
            String text =
                    s.pace() == Pace.STUDENT ? who + " · " + getTranslation("class.dashboard.at", line.step()) : who;
            Span chip = new Span(text);
            chip.getElement().getThemeList().add("badge contrast");
            chip.getStyle().set("margin", "0 var(--lumo-space-xs) var(--lumo-space-xs) 0");
            studentList.add(chip);
        }
        if (s.over()) {
            message.setText(getTranslation("class.ended"));
        }
        tallies.removeAll();
        List<ClassService.Tally> ts = d.tallies();
        for (int i = ts.size() - 1; i >= 0; i--) {
            tallies.add(tally(ts.get(i)));
        }
    }

    private void build(ClassService.Dashboard d) {
        // innerHTML, not Html: the browser must parse the markup for it to become an SVG element
        Div qr = new Div();
        qr.getElement().setProperty("innerHTML", QrSvg.of(joinUrl, getTranslation("class.dashboard.qr")));
        qr.setId("dashboard-qr");
        qr.setWidth("16rem");
        Anchor link = ClassStyles.touchLink(new Anchor(joinUrl, joinUrl));
        link.setId("dashboard-join-link");
        Span codeText = new Span(getTranslation("class.dashboard.code", code));
        codeText.setId("dashboard-code");
        codeText.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "700");
        VerticalLayout joinInfo = new VerticalLayout(codeText, link, qr);
        joinInfo.setPadding(false);
        previous.addClickListener(
                e -> act(() -> classes.setStep(me, code, d.summary().step() - 1)));
        next.addClickListener(e -> act(() -> {
            ClassService.Summary now = classes.dashboard(me, code).summary();
            return classes.setStep(me, code, now.step() + 1);
        }));
        Button end = new Button(
                getTranslation("class.dashboard.end"),
                e -> act(() -> {
                    classes.end(me, code);
                    return null;
                }));
        end.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Anchor answersCsv =
                download("class.dashboard.answers-csv", "answers-" + code + ".csv", () -> classes.answersCsv(me, code));
        Anchor summaryCsv =
                download("class.dashboard.summary-csv", "summary-" + code + ".csv", () -> classes.summaryCsv(me, code));
        HorizontalLayout steps = new HorizontalLayout(previous, next, step);
        steps.setAlignItems(Alignment.CENTER);
        steps.getStyle().set("flex-wrap", "wrap");
        buildPose(d);
        FlexLayout files = new FlexLayout(answersCsv, summaryCsv, end);
        files.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        files.getStyle().set("gap", "var(--lumo-space-m)").set("align-items", "center");
        add(
                title,
                joinInfo,
                students,
                studentList,
                steps,
                poseBox,
                message,
                new H3(getTranslation("class.dashboard.questions")),
                tallies,
                files);
    }

    private void buildPose(ClassService.Dashboard d) {
        poseBox.removeAll();
        poseBox.add(new H3(getTranslation("class.pose.title")));
        List<String> params = new ArrayList<>();
        d.scenario()
                .match(
                        m -> {
                            params.addAll(m.params().keySet());
                            return null;
                        },
                        e -> {
                            params.addAll(e.params().keySet());
                            return null;
                        },
                        m -> null);
        List<String> values = new ArrayList<>(params);
        params.forEach(p -> values.add(p + ".grad"));
        Select<GradientStrategy> strategy = new Select<>();
        strategy.setLabel(getTranslation("class.pose.strategy"));
        strategy.setItems(d.scenario().strategies());
        strategy.setItemLabelGenerator(GradientStrategy::name);
        strategy.setValue(d.scenario().strategies().get(0));
        Select<String> param = new Select<>();
        param.setLabel(getTranslation("class.pose.param"));
        param.setItems(values);
        if (!values.isEmpty()) {
            param.setValue(values.get(0));
        }
        IntegerField index = new IntegerField(getTranslation("class.pose.index"));
        index.setValue(0);
        index.setMin(0);
        index.setStepButtonsVisible(true);
        IntegerField atStep = new IntegerField(getTranslation("class.pose.step"));
        atStep.setValue(Math.min(d.summary().totalSteps(), d.summary().step() + 1));
        atStep.setMin(1);
        atStep.setMax(d.summary().totalSteps());
        atStep.setStepButtonsVisible(true);
        Button askNumber = new Button(
                getTranslation("class.pose.number"),
                e -> act(() -> classes.pose(
                        me,
                        code,
                        ClassService.QuestionSpec.number(
                                atStep.getValue() == null ? 0 : atStep.getValue(),
                                strategy.getValue().name(),
                                param.getValue() == null ? "" : param.getValue(),
                                index.getValue() == null ? 0 : index.getValue()))));
        FlexLayout numberForm = new FlexLayout(atStep, strategy, param, index, askNumber);
        numberForm.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        numberForm.getStyle().set("gap", "var(--lumo-space-s)").set("align-items", "baseline");
        poseBox.add(numberForm);
        List<BuiltInQuestion> builtIns = d.builtIns();
        if (!builtIns.isEmpty()) {
            Select<BuiltInQuestion> builtIn = new Select<>();
            builtIn.setLabel(getTranslation("class.pose.prepared"));
            builtIn.setItems(builtIns);
            builtIn.setItemLabelGenerator(q -> q.prompt().in(getLocale()));
            builtIn.setValue(builtIns.get(0));
            builtIn.setWidthFull();
            builtIn.setMaxWidth("40rem");
            Button ask = new Button(
                    getTranslation("class.pose.ask"),
                    e -> act(() -> classes.pose(
                            me,
                            code,
                            ClassService.QuestionSpec.builtIn(builtIn.getValue().id()))));
            FlexLayout form = new FlexLayout(builtIn, ask);
            form.setFlexWrap(FlexLayout.FlexWrap.WRAP);
            form.getStyle().set("gap", "var(--lumo-space-s)").set("align-items", "baseline");
            poseBox.add(form);
        }
    }

    private Component tally(ClassService.Tally t) {
        ClassService.Card card = t.card();
        Div box = ClassStyles.questionBox("tally-box-" + card.id());
        box.add(new H3(ClassMessages.prompt(this, card)));
        Span answered = new Span(getTranslation("class.dashboard.answered", t.answered(), t.joined()));
        answered.setId("tally-" + card.id());
        answered.getElement().setAttribute("aria-live", "polite");
        box.add(answered);
        Map<String, Integer> counts = new TreeMap<>(t.counts());
        List<String[]> bars = new ArrayList<>();
        if (card.kind() == QuestionKind.NUMBER) {
            counts = new TreeMap<>((a, b) -> Double.compare(Double.parseDouble(a), Double.parseDouble(b)));
            counts.putAll(t.counts());
            counts.forEach((v, n) -> bars.add(new String[] {v, ClassMessages.number(v), Integer.toString(n)}));
        } else {
            for (int i = 0; i < card.options().size(); i++) {
                String key = Integer.toString(i);
                bars.add(new String[] {
                    key,
                    // a bug question's options are code lines: their indentation is part of the code
                    card.kind() == QuestionKind.BUG
                            ? card.options().get(i).in(getLocale())
                            : card.options().get(i).in(getLocale()).strip(),
                    Integer.toString(t.counts().getOrDefault(key, 0))
                });
            }
        }
        int max = Math.max(
                1, bars.stream().mapToInt(b -> Integer.parseInt(b[2])).max().orElse(1));
        for (String[] bar : bars) {
            boolean right = card.revealed() && isCorrect(card, bar[0]);
            Div row = new Div();
            row.getStyle()
                    .set("align-self", "stretch")
                    .set("display", "flex")
                    .set("gap", "var(--lumo-space-s)")
                    .set("align-items", "center");
            Span label = new Span(bar[1] + (right ? " ✓" : ""));
            label.getStyle()
                    .set("min-width", "6rem")
                    .set("font-family", card.kind() == QuestionKind.BUG ? "monospace" : "inherit")
                    .set("white-space", "pre")
                    .set("overflow", "hidden")
                    .set("text-overflow", "ellipsis");
            Div fill = new Div();
            int n = Integer.parseInt(bar[2]);
            fill.getStyle()
                    .set("height", "1rem")
                    .set("width", (n * 100 / max) * 0.6 + "%")
                    .set("min-width", n > 0 ? "0.25rem" : "0")
                    .set("background", right ? "var(--lumo-success-color)" : "var(--lumo-primary-color)");
            Span count = new Span(bar[2]);
            row.add(label, fill, count);
            box.add(row);
        }
        if (card.correct() != null && !card.correct().isEmpty()) {
            Paragraph correct = new Paragraph(getTranslation("class.reveal.value", ClassMessages.correct(this, card))
                    + (card.revealed() ? "" : " " + getTranslation("class.dashboard.hidden")));
            correct.setId("tally-correct-" + card.id());
            box.add(correct);
            if (card.formula() != null) {
                box.add(ClassStyles.formula(card.formula()));
            }
            if (t.correct() != null) {
                box.add(new Paragraph(getTranslation("class.dashboard.right", t.correct(), t.answered())));
            }
        }
        if (!card.revealed()) {
            Button reveal = new Button(
                    getTranslation("class.dashboard.reveal"),
                    e -> act(() -> {
                        classes.reveal(me, code, card.id());
                        return null;
                    }));
            reveal.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            box.add(reveal);
        } else {
            box.add(new Paragraph(getTranslation("class.dashboard.revealed")));
        }
        return box;
    }

    private static boolean isCorrect(ClassService.Card card, String answer) {
        String c = card.correct();
        if (c == null || c.isEmpty()) {
            return false;
        }
        if (card.kind() == QuestionKind.NUMBER) {
            double correct = Double.parseDouble(c);
            return Math.abs(Double.parseDouble(answer) - correct) <= 1e-3 * Math.max(1, Math.abs(correct));
        }
        return c.equals(answer);
    }

    private void act(Supplier<?> action) {
        try {
            Object unused = action.get();
            message.setText("");
        } catch (ClassException e) {
            message.setText(ClassMessages.refusal(this, e));
        }
        refresh();
    }

    private Anchor download(String key, String fileName, Supplier<String> text) {
        Anchor a = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    byte[] bytes;
                    try {
                        bytes = text.get().getBytes(StandardCharsets.UTF_8);
                    } catch (ClassException e) {
                        return DownloadResponse.error(403, e.getMessage());
                    }
                    return new DownloadResponse(
                            new ByteArrayInputStream(bytes), fileName, "text/csv; charset=utf-8", bytes.length);
                }),
                getTranslation(key));
        a.getElement().setAttribute("download", fileName);
        return ClassStyles.touchLink(a);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("class.dashboard.title", code) + " · GradLab";
    }
}
