package dev.gradlab.classroom;

import dev.gradlab.classroom.events.ClassEvents;
import dev.gradlab.lab.LabService;
import dev.gradlab.lab.RunResult;
import dev.gradlab.lab.Runner;
import dev.gradlab.lab.StepRecord;
import dev.gradlab.lab.UpdateFormulas;
import dev.gradlab.scenario.GradientStrategy;
import dev.gradlab.scenario.LocalizedText;
import dev.gradlab.scenario.Scenario;
import dev.gradlab.scenario.ScenarioQuestion;
import dev.gradlab.scenario.store.SavedScenario;
import dev.gradlab.scenario.store.ScenarioStore;
import dev.gradlab.scenario.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Live classes and their rules. Every state a page shows is read from the database, so any replica can serve any
 * student; after each change commits, a {@link ClassEvents} signal ({@code step}, {@code join}, {@code question},
 * {@code answer:<id>}, {@code reveal:<id>}, {@code end}) tells every replica's pages of that class to re-read it.
 *
 * <p>Instructor methods take the signed-in username as {@code actor} and refuse anyone but the class's owner. Student
 * methods take the secret token the student's browser got from {@link #join}. Numbers are the engine's: a number
 * question's correct value is computed when it is posed.
 */
@Service
public class ClassService {

    private static final Logger log = LoggerFactory.getLogger(ClassService.class);

    /** How far a predicted number may be from the engine's and still count as right (relative, at least 1e-3). */
    static final double TOLERANCE = 1e-3;

    static final int MAX_NICKNAME = 40;
    static final int MAX_ANSWER = 200;
    static final int MAX_PROMPT = 1000;
    static final int MAX_OPTIONS = 10;

    private final ClassRowRepository classes;
    private final StudentRowRepository students;
    private final QuestionRowRepository questions;
    private final AnswerRowRepository answers;
    private final ScenarioStore store;
    private final LabService lab;
    private final ClassEvents events;
    private final Clock clock;
    private final int maxStudents;
    private final Duration maxDuration;
    private final Duration retention;
    private final Runner runner = new Runner();
    private final Map<String, Parsed> parsed = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Parsed> eldest) {
            return size() > 256;
        }
    });

    ClassService(
            ClassRowRepository classes,
            StudentRowRepository students,
            QuestionRowRepository questions,
            AnswerRowRepository answers,
            ScenarioStore store,
            LabService lab,
            ClassEvents events,
            Clock clock,
            @Value("${gradlab.class.max-students:200}") int maxStudents,
            @Value("${gradlab.class.max-hours:4}") int maxHours,
            @Value("${gradlab.class.retention-days:7}") int retentionDays) {
        this.classes = classes;
        this.students = students;
        this.questions = questions;
        this.answers = answers;
        this.store = store;
        this.lab = lab;
        this.events = events;
        this.clock = clock;
        this.maxStudents = maxStudents;
        this.maxDuration = Duration.ofHours(maxHours);
        this.retention = Duration.ofDays(retentionDays);
    }

    /** A class as its instructor's list shows it. */
    public record Summary(
            String code,
            String scenario,
            LocalizedText title,
            Pace pace,
            int step,
            int totalSteps,
            boolean over,
            Instant created,
            Instant endsAt,
            int students) {}

    /** What a student's browser keeps: the class code and the student's secret token. */
    public record StudentPass(String code, String token) {}

    /**
     * A question posed by hand or by a built-in's id. Number: {@code step}, {@code strategy}, {@code param} (a
     * parameter, or {@code name.grad} for its gradient buffer after that step's backward()) and {@code index}.
     * Choice: {@code prompt}, {@code options} and optionally the correct option {@code answer} (0-based).
     */
    public record QuestionSpec(
            @Nullable String kind,
            @Nullable Integer step,
            @Nullable String strategy,
            @Nullable String param,
            @Nullable Integer index,
            @Nullable String prompt,
            @Nullable List<String> options,
            @Nullable Integer answer,
            @Nullable String builtin) {

        public static QuestionSpec number(int step, String strategy, String param, int index) {
            return new QuestionSpec("number", step, strategy, param, index, null, null, null, null);
        }

        public static QuestionSpec choice(String prompt, List<String> options, @Nullable Integer answer) {
            return new QuestionSpec("choice", null, null, null, null, prompt, options, answer, null);
        }

        public static QuestionSpec builtIn(String id) {
            return new QuestionSpec(null, null, null, null, null, null, null, null, id);
        }
    }

    /**
     * One question as a page shows it. {@code correct} (the engine's number, or the correct option's index) and
     * {@code formula} are null for students until the reveal; {@code correct} is "" for a poll without a right answer.
     */
    public record Card(
            long id,
            QuestionKind kind,
            int step,
            @Nullable String strategy,
            @Nullable String param,
            @Nullable Integer index,
            @Nullable String builtin,
            @Nullable LocalizedText prompt,
            List<LocalizedText> options,
            boolean revealed,
            @Nullable String correct,
            @Nullable String formula,
            @Nullable String myAnswer,
            @Nullable Boolean myCorrect) {

        /** The id as the API spells it. */
        public String wireId() {
            return Long.toString(id);
        }
    }

    /**
     * A student's page: the run (server side only: the view shows rows up to {@code visibleThrough}, never the values
     * an open question asks for) and the questions.
     */
    public record StudentPage(
            String code,
            Scenario scenario,
            RunResult run,
            Pace pace,
            int step,
            int totalSteps,
            int visibleThrough,
            boolean over,
            int seat,
            List<Card> questions) {}

    public record StudentLine(int seat, @Nullable String nickname, int step) {}

    /** A question's live tally: {@code counts} per answer (number answers as typed), in answer order. */
    public record Tally(
            Card card, int answered, int joined, @Nullable Integer correct, Map<String, Integer> counts) {}

    public record Dashboard(
            Summary summary,
            Scenario scenario,
            List<StudentLine> students,
            List<Tally> tallies,
            List<BuiltInQuestion> builtIns) {}

    private record Parsed(Scenario scenario, RunResult run) {}

    // ---- instructor -------------------------------------------------------------------------------------------

    /** Starts a class of a scenario {@code instructor} can see; it lasts {@code gradlab.class.max-hours}. */
    @Transactional
    public Summary start(String instructor, String scenario, Pace pace) {
        SavedScenario s = store.findVisible(instructor, scenario)
                .orElseThrow(() -> new ClassException(
                        ClassException.Reason.NOT_FOUND, "no scenario '" + ClassException.oneLine(scenario) + "'"));
        Parsed p = parse(s.source());
        if (p.scenario().kind() == Scenario.Kind.MODEL) {
            throw new ClassException(
                    ClassException.Reason.INVALID,
                    "a live class needs a manual or expression scenario; '" + ClassException.oneLine(scenario)
                            + "' trains a model");
        }
        String code;
        do {
            code = ClassCodes.next();
        } while (classes.existsByCode(code));
        Instant now = clock.instant();
        ClassRow row = classes.saveAndFlush(
                new ClassRow(code, s.slug(), s.source(), instructor, pace, now, now.plus(maxDuration)));
        log.info("class {} started by {} on {} ({}-paced)", code, instructor, s.slug(), pace.wireName());
        return summary(row, p, 0);
    }

    /** A scenario a class can be started from: its slug (or built-in id) and title. */
    public record Startable(String scenario, LocalizedText title, boolean builtIn) {}

    /** The scenarios {@code instructor} may start a class from: built-ins, their own, public ones (no models). */
    @Transactional(readOnly = true)
    public List<Startable> startable(String instructor) {
        List<Startable> out = new ArrayList<>();
        for (Scenario s : dev.gradlab.scenario.BuiltInScenarios.all()) {
            if (s.kind() != Scenario.Kind.MODEL) {
                out.add(new Startable(s.id(), s.title(), true));
            }
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<SavedScenario> saved = new ArrayList<>(store.listMine(instructor));
        saved.addAll(store.listPublic());
        for (SavedScenario s : saved) {
            if (!"model".equals(s.kind()) && seen.add(s.slug())) {
                out.add(new Startable(
                        s.slug(), new LocalizedText(Map.of("en", s.titleEn(), "zh-TW", s.titleZhTw())), false));
            }
        }
        return out;
    }

    @Transactional(readOnly = true)
    public List<Summary> mine(String instructor) {
        Instant now = clock.instant();
        return classes.findByOwnerOrderByCreatedDesc(instructor).stream()
                .map(c -> summary(c, parse(c.source), (int) students.countByClassId(c.id()), now))
                .toList();
    }

    /** The class's step for every student (instructor-paced), 0 (nothing run yet) to the scenario's batches. */
    @Transactional
    public Summary setStep(String actor, String code, int step) {
        ClassRow c = owned(actor, code);
        open(c);
        Parsed p = parse(c.source);
        checkStep(step, total(p));
        c.currentStep = step;
        publish(c.code, "step");
        return summary(c, p, (int) students.countByClassId(c.id()));
    }

    /** Poses a question at once; returns its id. */
    @Transactional
    public Card pose(String actor, String code, QuestionSpec spec) {
        ClassRow c = owned(actor, code);
        open(c);
        Parsed p = parse(c.source);
        QuestionRow q = spec.builtin() != null ? builtIn(c, p, spec.builtin()) : byHand(c, p, spec);
        q = questions.saveAndFlush(q);
        publish(c.code, "question");
        return card(q, p, true, null);
    }

    @Transactional
    public void reveal(String actor, String code, long questionId) {
        ClassRow c = owned(actor, code);
        QuestionRow q = question(c, questionId);
        if (!q.revealed) {
            q.revealed = true;
            publish(c.code, "reveal:" + q.id());
        }
    }

    /** Ends the class now; its students, questions and answers are deleted after the retention period. */
    @Transactional
    public void end(String actor, String code) {
        ClassRow c = owned(actor, code);
        if (!c.ended) {
            c.ended = true;
            c.endedAt = clock.instant();
            publish(c.code, "end");
        }
    }

    @Transactional(readOnly = true)
    public Dashboard dashboard(String actor, String code) {
        ClassRow c = owned(actor, code);
        Parsed p = parse(c.source);
        List<StudentRow> joined = students.findByClassIdOrderBySeat(c.id());
        List<QuestionRow> qs = questions.findByClassIdOrderById(c.id());
        Map<Long, List<AnswerRow>> byQuestion = answersOf(qs);
        List<Tally> tallies = new ArrayList<>();
        for (QuestionRow q : qs) {
            List<AnswerRow> as = byQuestion.getOrDefault(q.id(), List.of());
            Map<String, Integer> counts = new LinkedHashMap<>();
            as.forEach(a -> counts.merge(a.answer, 1, Integer::sum));
            Integer right = q.correct.isEmpty()
                    ? null
                    : (int) as.stream().filter(a -> a.correct).count();
            tallies.add(new Tally(card(q, p, true, null), as.size(), joined.size(), right, counts));
        }
        return new Dashboard(
                summary(c, p, joined.size()),
                p.scenario(),
                joined.stream()
                        .map(s -> new StudentLine(s.seat, s.nickname, s.step))
                        .toList(),
                tallies,
                prepared(p.scenario()));
    }

    /** Every answer: student (nickname or "student N"), question, answer, correct. */
    @Transactional(readOnly = true)
    public String answersCsv(String actor, String code) {
        ClassRow c = owned(actor, code);
        Parsed p = parse(c.source);
        Map<Long, StudentRow> byId = students.findByClassIdOrderBySeat(c.id()).stream()
                .collect(Collectors.toMap(StudentRow::id, Function.identity()));
        List<QuestionRow> qs = questions.findByClassIdOrderById(c.id());
        Map<Long, List<AnswerRow>> byQuestion = answersOf(qs);
        StringBuilder csv = new StringBuilder("student,question,answer,correct\n");
        for (QuestionRow q : qs) {
            Card card = card(q, p, true, null);
            for (AnswerRow a : byQuestion.getOrDefault(q.id(), List.of())) {
                StudentRow s = byId.get(a.studentId);
                String who = s == null ? "" : s.nickname != null ? s.nickname : "student " + s.seat;
                csv.append(Csv.row(
                        who,
                        englishPrompt(card),
                        answerText(card, a.answer),
                        q.correct.isEmpty() ? "" : Boolean.toString(a.correct)));
            }
        }
        return csv.toString();
    }

    /** One line per question: its correct answer, how many answered of how many joined, how many were right. */
    @Transactional(readOnly = true)
    public String summaryCsv(String actor, String code) {
        Dashboard d = dashboard(actor, code);
        StringBuilder csv =
                new StringBuilder("question,kind,step,correct answer,answered,joined,right,percent right\n");
        for (Tally t : d.tallies()) {
            Card card = t.card();
            String percent = t.correct() == null || t.answered() == 0
                    ? ""
                    : String.format(Locale.ROOT, "%.0f", 100.0 * t.correct() / t.answered());
            csv.append(Csv.row(
                    englishPrompt(card),
                    card.kind().wireName(),
                    card.kind() == QuestionKind.NUMBER ? Integer.toString(card.step()) : "",
                    answerText(card, Objects.requireNonNullElse(card.correct(), "")),
                    Integer.toString(t.answered()),
                    Integer.toString(t.joined()),
                    t.correct() == null ? "" : Integer.toString(t.correct()),
                    percent));
        }
        return csv.toString();
    }

    // ---- students ---------------------------------------------------------------------------------------------

    /** A student joins with the class code and an optional nickname (shown only to the instructor). */
    @Transactional
    public StudentPass join(String typedCode, @Nullable String nickname) {
        String code = ClassCodes.normalize(typedCode);
        ClassRow c = classes.lockByCode(code).orElseThrow(() -> unknown(code));
        open(c);
        long count = students.countByClassId(c.id());
        if (count >= maxStudents) {
            throw new ClassException(
                    ClassException.Reason.CONFLICT,
                    "class " + code + " is full: it already has " + maxStudents + " students");
        }
        String nick = nickname == null ? null : nickname.strip().replaceAll("\\p{Cntrl}", "");
        if (nick != null && nick.isEmpty()) {
            nick = null;
        }
        if (nick != null && nick.length() > MAX_NICKNAME) {
            throw new ClassException(
                    ClassException.Reason.INVALID, "a nickname has at most " + MAX_NICKNAME + " characters");
        }
        StudentRow s = new StudentRow(c.id(), ClassCodes.token(), nick, (int) count + 1, clock.instant());
        s.step = c.currentStep;
        students.saveAndFlush(s);
        publish(code, "join");
        return new StudentPass(code, s.token);
    }

    /** Whether {@code token} is a student of class {@code code} (for a page deciding to show the class or the join). */
    @Transactional(readOnly = true)
    public boolean isStudent(String code, String token) {
        Optional<ClassRow> c = classes.findByCode(ClassCodes.normalize(code));
        return c.isPresent()
                && students.findByToken(token)
                        .filter(s -> s.classId == c.get().id())
                        .isPresent();
    }

    @Transactional(readOnly = true)
    public StudentPage page(String code, String token) {
        ClassRow c = classOf(code);
        StudentRow s = student(c, token);
        Parsed p = parse(c.source);
        boolean over = c.over(clock.instant());
        int step = c.paceValue() == Pace.INSTRUCTOR ? c.currentStep : s.step;
        List<QuestionRow> qs = questions.findByClassIdOrderById(c.id());
        // this student's answers only: every class event refreshes every student's page, so reading the whole
        // class's answers here made one answer cost the class N x N rows
        Map<Long, AnswerRow> mine = new HashMap<>();
        if (!qs.isEmpty()) {
            for (AnswerRow a : answers.findByStudentIdAndQuestionIdIn(
                    s.id(), qs.stream().map(QuestionRow::id).toList())) {
                mine.put(a.questionId, a);
            }
        }
        List<Card> cards = new ArrayList<>();
        int visible = step;
        for (QuestionRow q : qs) {
            cards.add(card(q, p, q.revealed, mine.get(q.id())));
            if (!q.revealed && QuestionKind.parse(q.kind) == QuestionKind.NUMBER) {
                visible = Math.min(visible, q.step - 1);
            }
        }
        return new StudentPage(
                c.code,
                p.scenario(),
                p.run(),
                c.paceValue(),
                step,
                total(p),
                Math.max(0, visible),
                over,
                s.seat,
                cards);
    }

    /** A student of a student-paced class moves to {@code step}. */
    @Transactional
    public void studentStep(String code, String token, int step) {
        ClassRow c = classOf(code);
        StudentRow s = student(c, token);
        open(c);
        if (c.paceValue() != Pace.STUDENT) {
            throw new ClassException(
                    ClassException.Reason.FORBIDDEN, "in class " + c.code + " the instructor sets the step");
        }
        checkStep(step, total(parse(c.source)));
        s.step = step;
        publish(c.code, "student-step");
    }

    /** Answers a question, once, before its reveal. Numbers accept a decimal point or comma. */
    @Transactional
    public void answer(String code, String token, long questionId, String value) {
        ClassRow c = classOf(code);
        StudentRow s = student(c, token);
        open(c);
        QuestionRow q = question(c, questionId);
        if (q.revealed) {
            throw new ClassException(
                    ClassException.Reason.CONFLICT, "this question has been revealed: answers are closed");
        }
        if (answers.existsByQuestionIdAndStudentId(q.id(), s.id())) {
            throw new ClassException(ClassException.Reason.CONFLICT, "you have already answered this question");
        }
        String answer = normalizeAnswer(q, parse(c.source), value);
        boolean right = !q.correct.isEmpty() && isRight(q, answer);
        try {
            answers.saveAndFlush(new AnswerRow(q.id(), s.id(), answer, right, clock.instant()));
        } catch (DataIntegrityViolationException e) {
            throw new ClassException(ClassException.Reason.CONFLICT, "you have already answered this question");
        }
        publish(c.code, "answer:" + q.id());
    }

    // ---- housekeeping -----------------------------------------------------------------------------------------

    /** Deletes classes (with students, questions, answers) ended or expired more than the retention period ago. */
    @Scheduled(fixedDelayString = "${gradlab.class.cleanup-interval-ms:3600000}", initialDelay = 60_000)
    @Transactional
    public int cleanup() {
        int deleted = classes.deleteOver(clock.instant().minus(retention));
        if (deleted > 0) {
            log.info("deleted {} classes that ended more than {} days ago", deleted, retention.toDays());
        }
        return deleted;
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private QuestionRow builtIn(ClassRow c, Parsed p, String id) {
        BuiltInQuestion b = prepared(p.scenario(), id)
                .orElseThrow(() -> new ClassException(
                        ClassException.Reason.NOT_FOUND,
                        "no question '" + ClassException.oneLine(id) + "' among the built-in ones or this scenario's"));
        if (!b.fits(p.scenario().id())) {
            throw new ClassException(
                    ClassException.Reason.INVALID,
                    "built-in question '" + id + "' is about scenario '" + b.scenario() + "', not this class's");
        }
        QuestionRow q;
        if (b.kind() == QuestionKind.NUMBER) {
            q = numberQuestion(
                    c, p, b.step(), Objects.requireNonNull(b.strategy()), Objects.requireNonNull(b.param()), b.index());
        } else {
            // a scenario's choice question without an answer is a poll
            String correct = b.answer() < 0 ? "" : Integer.toString(b.answer());
            q = new QuestionRow(c.id(), b.kind(), c.currentStep, correct, clock.instant());
        }
        q.builtin = b.id();
        return q;
    }

    /**
     * The questions a class of {@code scenario} can pose by id: the scenario file's own ({@code questions:}), then the
     * built-ins that fit it; a scenario's question hides a built-in one of the same id.
     */
    static List<BuiltInQuestion> prepared(Scenario scenario) {
        List<BuiltInQuestion> out = new ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (ScenarioQuestion q : scenario.common().questions()) {
            out.add(fromScenario(scenario.id(), q));
            ids.add(q.id());
        }
        for (BuiltInQuestion b : BuiltInQuestions.forScenario(scenario.id())) {
            if (!ids.contains(b.id())) {
                out.add(b);
            }
        }
        return out;
    }

    static Optional<BuiltInQuestion> prepared(Scenario scenario, String id) {
        for (ScenarioQuestion q : scenario.common().questions()) {
            if (q.id().equals(id)) {
                return Optional.of(fromScenario(scenario.id(), q));
            }
        }
        return BuiltInQuestions.find(id);
    }

    private static BuiltInQuestion fromScenario(String scenarioId, ScenarioQuestion q) {
        QuestionKind kind = switch (q.kind()) {
            case NUMBER -> QuestionKind.NUMBER;
            case CHOICE -> QuestionKind.CHOICE;
            case BUG -> QuestionKind.BUG;
        };
        GradientStrategy strategy = q.strategy();
        return new BuiltInQuestion(
                q.id(),
                scenarioId,
                kind,
                q.prompt(),
                q.options(),
                q.answer() == null ? -1 : q.answer(),
                q.step(),
                strategy == null ? null : strategy.name(),
                q.param(),
                q.index());
    }

    private QuestionRow byHand(ClassRow c, Parsed p, QuestionSpec spec) {
        QuestionKind kind = QuestionKind.parse(Objects.requireNonNullElse(spec.kind(), ""));
        switch (kind) {
            case NUMBER -> {
                if (spec.step() == null || spec.strategy() == null || spec.param() == null) {
                    throw new ClassException(
                            ClassException.Reason.INVALID, "a number question needs step, strategy, param and index");
                }
                return numberQuestion(
                        c, p, spec.step(), spec.strategy(), spec.param(), Objects.requireNonNullElse(spec.index(), 0));
            }
            case CHOICE -> {
                String prompt = Objects.requireNonNullElse(spec.prompt(), "").strip();
                List<String> options = Objects.requireNonNullElse(spec.options(), List.<String>of()).stream()
                        .map(o -> Objects.requireNonNullElse(o, "").strip())
                        .toList();
                if (prompt.isEmpty() || prompt.length() > MAX_PROMPT) {
                    throw new ClassException(
                            ClassException.Reason.INVALID,
                            "a choice question needs a prompt of 1 to " + MAX_PROMPT + " characters");
                }
                if (options.size() < 2
                        || options.size() > MAX_OPTIONS
                        || options.stream().anyMatch(o -> o.isEmpty() || o.length() > MAX_ANSWER || o.contains("\n"))) {
                    throw new ClassException(
                            ClassException.Reason.INVALID,
                            "a choice question needs 2 to " + MAX_OPTIONS + " options, each one line of 1 to "
                                    + MAX_ANSWER + " characters");
                }
                Integer answer = spec.answer();
                if (answer != null && (answer < 0 || answer >= options.size())) {
                    throw new ClassException(
                            ClassException.Reason.INVALID,
                            "answer is the 0-based index of the correct option: 0 to " + (options.size() - 1));
                }
                QuestionRow q = new QuestionRow(
                        c.id(), kind, c.currentStep, answer == null ? "" : answer.toString(), clock.instant());
                q.prompt = prompt;
                q.options = String.join("\n", options);
                return q;
            }
            case BUG ->
                throw new ClassException(
                        ClassException.Reason.INVALID, "pose a spot-the-bug question by its built-in id");
            default -> throw new IllegalStateException(kind.toString());
        }
    }

    private QuestionRow numberQuestion(ClassRow c, Parsed p, int step, String strategyName, String param, int index) {
        int total = total(p);
        if (step < 1 || step > total) {
            throw new ClassException(
                    ClassException.Reason.INVALID,
                    "step must be between 1 and " + total + " (the scenario's batches), found " + step);
        }
        GradientStrategy strategy = strategy(strategyName);
        double value = value(p.scenario(), strategy, step, param, index);
        QuestionRow q = new QuestionRow(c.id(), QuestionKind.NUMBER, step, Double.toString(value), clock.instant());
        q.strategy = strategy.name();
        q.param = param;
        q.index = index;
        return q;
    }

    /** The engine's value of {@code param[index]} (or of its .grad) after {@code step} under {@code strategy}. */
    private double value(Scenario scenario, GradientStrategy strategy, int step, String param, int index) {
        boolean grad = param.endsWith(".grad");
        String name = grad ? param.substring(0, param.length() - ".grad".length()) : param;
        RunResult run = runner.run(scenario, List.of(strategy));
        if (!run.params().containsKey(name)) {
            throw new ClassException(
                    ClassException.Reason.INVALID,
                    "no parameter '" + ClassException.oneLine(name) + "' (parameters: "
                            + String.join(", ", run.params().keySet()) + "; add .grad for the gradient)");
        }
        StepRecord record = run.runs().get(0).steps().get(step - 1);
        double[] values = grad ? record.grad().get(name) : record.params().get(name);
        if (values == null) {
            throw new ClassException(
                    ClassException.Reason.INVALID,
                    param + " has no value after step " + step + " under " + strategy.name()
                            + (grad ? " (.grad is None)" : " (the run diverged)"));
        }
        if (index < 0 || index >= values.length) {
            throw new ClassException(
                    ClassException.Reason.INVALID,
                    "index must be between 0 and " + (values.length - 1) + " for " + name + ", found " + index);
        }
        return values[index];
    }

    private Card card(QuestionRow q, Parsed p, boolean showCorrect, @Nullable AnswerRow mine) {
        QuestionKind kind = QuestionKind.parse(q.kind);
        LocalizedText prompt = null;
        List<LocalizedText> options = List.of();
        BuiltInQuestion b =
                q.builtin == null ? null : prepared(p.scenario(), q.builtin).orElse(null);
        if (b != null) {
            prompt = b.prompt();
            options = b.options();
        } else if (q.prompt != null) {
            prompt = LocalizedText.of(q.prompt);
            options = q.options == null
                    ? List.of()
                    : q.options.lines().map(LocalizedText::of).toList();
        }
        String formula = showCorrect && kind == QuestionKind.NUMBER ? formula(q, p) : null;
        return new Card(
                q.id(),
                kind,
                q.step,
                q.strategy,
                q.param,
                q.index,
                q.builtin,
                prompt,
                options,
                q.revealed,
                showCorrect ? q.correct : null,
                formula,
                mine == null ? null : mine.answer,
                mine == null || !q.revealed || q.correct.isEmpty() ? null : mine.correct);
    }

    /** The formula that produced a number question's value: the hand-worked step, else the update rule. */
    private @Nullable String formula(QuestionRow q, Parsed p) {
        String param = Objects.requireNonNull(q.param);
        if (param.endsWith(".grad") || q.strategy == null) {
            return null;
        }
        GradientStrategy strategy = strategy(q.strategy);
        RunResult run = runner.run(p.scenario(), List.of(strategy));
        List<UpdateFormulas.Formula> steps = lab.formulas(p.scenario(), run).get(strategy);
        if (steps != null) {
            for (UpdateFormulas.Formula f : steps) {
                if (f.step() == q.step) {
                    return f.latex();
                }
            }
        }
        return UpdateFormulas.rule(param, strategy);
    }

    private static String normalizeAnswer(QuestionRow q, Parsed p, String value) {
        String v = value.strip();
        if (v.isEmpty() || v.length() > MAX_ANSWER) {
            throw new ClassException(ClassException.Reason.INVALID, "type an answer first");
        }
        if (QuestionKind.parse(q.kind) == QuestionKind.NUMBER) {
            v = v.replace(',', '.').replace('−', '-');
            try {
                double d = Double.parseDouble(v);
                if (!Double.isFinite(d)) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new ClassException(
                        ClassException.Reason.INVALID, "'" + ClassException.oneLine(value) + "' is not a number");
            }
            return v;
        }
        int options = q.builtin != null
                ? prepared(p.scenario(), q.builtin).map(b -> b.options().size()).orElse(0)
                : q.options == null ? 0 : (int) q.options.lines().count();
        try {
            int i = Integer.parseInt(v);
            if (i >= 0 && i < options) {
                return Integer.toString(i);
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw new ClassException(ClassException.Reason.INVALID, "pick one of the options");
    }

    static boolean isRight(QuestionRow q, String answer) {
        if (QuestionKind.parse(q.kind) == QuestionKind.NUMBER) {
            double correct = Double.parseDouble(q.correct);
            double given = Double.parseDouble(answer);
            return Math.abs(given - correct) <= TOLERANCE * Math.max(1, Math.abs(correct));
        }
        return q.correct.equals(answer);
    }

    /** The question in English, for the CSV files. */
    static String englishPrompt(Card card) {
        if (card.prompt() != null) {
            return card.prompt().in(Locale.ENGLISH);
        }
        return card.param() + "[" + card.index() + "] after step " + card.step() + " under " + card.strategy();
    }

    /** An answer as text: a number as given, an option by its text. */
    static String answerText(Card card, String answer) {
        if (card.kind() == QuestionKind.NUMBER || answer.isEmpty()) {
            return answer;
        }
        try {
            return card.options().get(Integer.parseInt(answer)).in(Locale.ENGLISH);
        } catch (RuntimeException e) {
            return answer;
        }
    }

    private Map<Long, List<AnswerRow>> answersOf(List<QuestionRow> qs) {
        if (qs.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<AnswerRow>> out = new TreeMap<>();
        for (AnswerRow a :
                answers.findByQuestionIdIn(qs.stream().map(QuestionRow::id).toList())) {
            out.computeIfAbsent(a.questionId, k -> new ArrayList<>()).add(a);
        }
        out.values().forEach(l -> l.sort(java.util.Comparator.comparing((AnswerRow a) -> a.answered)));
        return out;
    }

    private Parsed parse(String source) {
        Parsed p = parsed.get(source);
        if (p == null) {
            Scenario s;
            try {
                s = ScenarioStore.validate(source);
            } catch (StoreException e) {
                throw new ClassException(ClassException.Reason.INVALID, Objects.requireNonNullElse(e.getMessage(), ""));
            }
            p = new Parsed(s, s.kind() == Scenario.Kind.MODEL ? new RunResult(s, List.of()) : runner.run(s));
            parsed.put(source, p);
        }
        return p;
    }

    private static int total(Parsed p) {
        return (int) Math.min(Integer.MAX_VALUE, p.scenario().totalBatches());
    }

    private static void checkStep(int step, int total) {
        if (step < 0 || step > total) {
            throw new ClassException(
                    ClassException.Reason.INVALID,
                    "step must be between 0 and " + total + " (the scenario's batches), found " + step);
        }
    }

    private static GradientStrategy strategy(String name) {
        try {
            return GradientStrategy.parse(name);
        } catch (IllegalArgumentException e) {
            throw new ClassException(ClassException.Reason.INVALID, Objects.requireNonNullElse(e.getMessage(), ""));
        }
    }

    private ClassRow classOf(String code) {
        String c = ClassCodes.normalize(code);
        return classes.findByCode(c).orElseThrow(() -> unknown(c));
    }

    private ClassRow owned(String actor, String code) {
        ClassRow c = classOf(code);
        if (!c.owner.equals(actor)) {
            throw new ClassException(
                    ClassException.Reason.FORBIDDEN, "class " + c.code + " belongs to another instructor");
        }
        return c;
    }

    private StudentRow student(ClassRow c, String token) {
        return students.findByToken(token)
                .filter(s -> s.classId == c.id())
                .orElseThrow(
                        () -> new ClassException(ClassException.Reason.FORBIDDEN, "join class " + c.code + " first"));
    }

    private QuestionRow question(ClassRow c, long id) {
        return questions
                .findById(id)
                .filter(q -> q.classId == c.id())
                .orElseThrow(() -> new ClassException(
                        ClassException.Reason.NOT_FOUND, "no question " + id + " in class " + c.code));
    }

    private void open(ClassRow c) {
        if (c.over(clock.instant())) {
            throw new ClassException(ClassException.Reason.CONFLICT, "class " + c.code + " has ended");
        }
    }

    private static ClassException unknown(String code) {
        return new ClassException(
                ClassException.Reason.NOT_FOUND, "no class with code '" + ClassException.oneLine(code) + "'");
    }

    private Summary summary(ClassRow c, Parsed p, int joined) {
        return summary(c, p, joined, clock.instant());
    }

    private Summary summary(ClassRow c, Parsed p, int joined, Instant now) {
        return new Summary(
                c.code,
                c.scenario,
                p.scenario().title(),
                c.paceValue(),
                c.currentStep,
                total(p),
                c.over(now),
                c.created,
                c.endsAt,
                joined);
    }

    /** Sends the signal after the transaction commits, so a page that re-reads sees the change. */
    private void publish(String code, String payload) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    events.publish(code, payload);
                }
            });
        } else {
            events.publish(code, payload);
        }
    }
}
