package dev.gradlab.lab.ui;

import dev.gradlab.lab.LabSettings;
import dev.gradlab.scenario.GradientStrategy;
import dev.gradlab.scenario.Limits;
import dev.gradlab.scenario.OptimizerSpec;
import dev.gradlab.scenario.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The Lab's state as it travels in a URL, {@code /lab/gd-by-hand?strategies=zeroed,summed&step=2}, and the checks
 * that turn a hand-edited or outdated link into a friendly message instead of an error page.
 */
record LabUrl(List<GradientStrategy> strategies, int step) {

    static final String STRATEGIES = "strategies";
    static final String STEP = "step";
    /** The strategy whose PyTorch code and computation graph are shown, e.g. {@code code=summed}. */
    static final String CODE = "code";
    /** Predict first ({@code predict=1}, see {@link PredictFirst}): then step 0, the start, is a step too. */
    static final String PREDICT = "predict";

    /** A message key with its arguments, for a link that cannot be shown. */
    record Problem(String key, List<Object> args) {}

    /** Either the state or the problem; exactly one is non-null. */
    record Parsed(@Nullable LabUrl state, @Nullable Problem problem) {
        Parsed {
            if ((state == null) == (problem == null)) {
                throw new IllegalArgumentException("a parsed link has either a state or a problem");
            }
        }
    }

    /**
     * Reads the query parameters against the scenario's strategies and step count. No {@code strategies}: all of
     * them; {@code strategies} with no value (every box unticked, which a URL writes as a bare {@code strategies}):
     * none; no {@code step}: the first.
     */
    static Parsed parse(Map<String, List<String>> query, List<GradientStrategy> known, int steps) {
        List<GradientStrategy> strategies = new ArrayList<>();
        List<String> names = known.stream().map(GradientStrategy::name).toList();
        List<String> given = query.get(STRATEGIES);
        if (given == null) {
            strategies.addAll(known);
        } else {
            for (String part : String.join(",", given).split(",")) {
                String name = part.strip();
                int index = names.indexOf(name);
                if (name.isEmpty() || index >= 0 && strategies.contains(known.get(index))) {
                    continue;
                }
                if (index < 0) {
                    return problem("lab.error.strategy", Limits.cut(name, 40), String.join(", ", names));
                }
                strategies.add(known.get(index));
            }
            // keep the scenario's order, so tables and chart colours do not depend on how the link was typed
            strategies.sort((a, b) -> known.indexOf(a) - known.indexOf(b));
        }
        int first = predict(query) ? 0 : 1;
        int step = first;
        List<String> stepText = query.get(STEP);
        if (stepText != null && !stepText.isEmpty()) {
            String text = stepText.get(0).strip();
            try {
                step = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                // a whole number beyond int (?step=99999999999) is a step out of range, not a non-number
                return text.matches("[-+]?[0-9]+")
                        ? problem("lab.error.step", Limits.cut(text, 20), steps)
                        : problem("lab.error.number", Limits.cut(text, 40));
            }
            if (step < first || step > steps) {
                return problem("lab.error.step", step, steps);
            }
        }
        return new Parsed(new LabUrl(List.copyOf(strategies), step), null);
    }

    /** The value of {@code strategies=}: the names, comma-separated, in the order given. */
    static List<String> strategiesValue(List<GradientStrategy> strategies) {
        return List.of(
                String.join(",", strategies.stream().map(GradientStrategy::name).toList()));
    }

    /** The query string for this state, e.g. {@code strategies=zeroed,summed&step=2}. */
    Map<String, List<String>> query() {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put(STRATEGIES, strategiesValue(strategies));
        query.put(STEP, List.of(String.valueOf(step)));
        return query;
    }

    /**
     * The strategy the link asks the code and graph panels to show: null when the link names none, else a problem
     * when it is not one of the strategies shown.
     */
    static @Nullable String code(Map<String, List<String>> query) {
        List<String> given = query.get(CODE);
        if (given == null || given.isEmpty() || given.get(0).isBlank()) {
            return null;
        }
        return given.get(0).strip();
    }

    /** A problem when {@code code} is not one of this state's strategies, else null. */
    @Nullable
    Problem checkCode(@Nullable String code) {
        List<String> names = strategies.stream().map(GradientStrategy::name).toList();
        return code == null || names.contains(code)
                ? null
                : new Problem("lab.error.strategy", List.of(Limits.cut(code, 40), String.join(", ", names)));
    }

    /**
     * The query string for this state with the code panel's strategy, e.g. {@code …&step=2&code=summed}; with no
     * strategy shown there is no code panel, and no {@code code}.
     */
    Map<String, List<String>> query(String code) {
        Map<String, List<String>> query = new LinkedHashMap<>(query());
        if (!code.isEmpty() && !strategies.isEmpty()) {
            query.put(CODE, List.of(code));
        }
        return query;
    }

    /** The settings' parameters, each written only when it differs from the scenario's own value. */
    static final String LR = "lr";

    static final String BATCH = "batch";
    static final String EPOCHS = "epochs";
    static final String OPTIMIZER = "optimizer";
    static final String MOMENTUM = "momentum";
    static final String DAMPENING = "dampening";
    static final String DECAY = "decay";
    static final String NESTEROV = "nesterov";
    static final String BETA1 = "beta1";
    static final String BETA2 = "beta2";
    static final String EPS = "eps";
    static final String K = "k";

    /** Either the settings or the problem; exactly one is non-null. */
    record SettingsParsed(
            @Nullable LabSettings settings, @Nullable Problem problem) {}

    /** The URL parameter of a setting. */
    static String parameter(LabSettings.Field field) {
        return switch (field) {
            case LEARNING_RATE -> LR;
            case BATCH_SIZE -> BATCH;
            case EPOCHS -> EPOCHS;
            case OPTIMIZER -> OPTIMIZER;
            case MOMENTUM -> MOMENTUM;
            case DAMPENING -> DAMPENING;
            case WEIGHT_DECAY -> DECAY;
            case NESTEROV -> NESTEROV;
            case BETA1 -> BETA1;
            case BETA2 -> BETA2;
            case EPS -> EPS;
            case ACCUMULATION -> K;
        };
    }

    /**
     * Reads the settings a link sets over the scenario's own ({@code ?lr=0.5&epochs=4&optimizer=adam&beta1=0.8}): a
     * malformed value or a setting the scenario does not have is a problem; whether a well-formed value is within the
     * limits is the service's check. Blank values count as absent.
     */
    static SettingsParsed settings(Map<String, List<String>> query, Scenario base) {
        LabSettings s = LabSettings.of(base);
        String lr = value(query, LR);
        if (lr != null) {
            var v = LabSettings.parseNumber(lr);
            if (v.isEmpty()) {
                return notANumber(LR, lr);
            }
            s = s.withLearningRate(v.getAsDouble());
        }
        String batch = value(query, BATCH);
        if (batch != null) {
            if (base.batchSize() == 0) {
                return settingsProblem("lab.error.setting.unknown", BATCH);
            }
            var v = LabSettings.parseCount(batch);
            if (v.isEmpty()) {
                return notANumber(BATCH, batch);
            }
            s = s.withBatchSize((int) v.getAsLong());
        }
        String epochs = value(query, EPOCHS);
        if (epochs != null) {
            var v = LabSettings.parseCount(epochs);
            if (v.isEmpty()) {
                return notANumber(EPOCHS, epochs);
            }
            s = s.withEpochs((int) v.getAsLong());
        }
        String k = value(query, K);
        if (k != null) {
            if (s.accumulation() == 0) {
                return settingsProblem("lab.error.setting.unknown", K);
            }
            var v = LabSettings.parseCount(k);
            if (v.isEmpty()) {
                return notANumber(K, k);
            }
            s = s.withAccumulation((int) v.getAsLong());
        }
        OptimizerSpec o = s.optimizer();
        String type = value(query, OPTIMIZER);
        if (type != null) {
            switch (type) {
                case "sgd" -> o = LabSettings.startingOptimizer(base, OptimizerSpec.Type.SGD);
                case "adam" -> o = LabSettings.startingOptimizer(base, OptimizerSpec.Type.ADAM);
                default -> {
                    return settingsProblem("lab.error.setting.optimizer", Limits.cut(type, 40));
                }
            }
        }
        boolean sgd = o.type() == OptimizerSpec.Type.SGD;
        double[] values = {o.momentum(), o.dampening(), o.weightDecay(), o.beta1(), o.beta2(), o.eps()};
        String[] names = {MOMENTUM, DAMPENING, DECAY, BETA1, BETA2, EPS};
        for (int i = 0; i < names.length; i++) {
            String text = value(query, names[i]);
            if (text == null) {
                continue;
            }
            boolean applies = names[i].equals(DECAY) || sgd == (i < 2);
            if (!applies) {
                return settingsProblem("lab.error.setting.unknown", names[i]);
            }
            var v = LabSettings.parseNumber(text);
            if (v.isEmpty()) {
                return notANumber(names[i], text);
            }
            values[i] = v.getAsDouble();
        }
        boolean nesterov = o.nesterov();
        String nesterovText = value(query, NESTEROV);
        if (nesterovText != null) {
            if (!sgd) {
                return settingsProblem("lab.error.setting.unknown", NESTEROV);
            }
            if (!nesterovText.equals("true") && !nesterovText.equals("false")) {
                return settingsProblem("lab.error.setting.boolean", NESTEROV, Limits.cut(nesterovText, 40));
            }
            nesterov = nesterovText.equals("true");
        }
        o = new OptimizerSpec(o.type(), values[0], values[1], values[2], nesterov, values[3], values[4], values[5]);
        return new SettingsParsed(s.withOptimizer(o), null);
    }

    /** The parameters of the settings that differ from the scenario's own, in a fixed order. */
    static Map<String, List<String>> settingsQuery(LabSettings s, Scenario base) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        LabSettings own = LabSettings.of(base);
        if (Double.compare(s.learningRate(), own.learningRate()) != 0) {
            query.put(LR, List.of(LabSettings.text(s.learningRate())));
        }
        if (s.batchSize() != own.batchSize()) {
            query.put(BATCH, List.of(String.valueOf(s.batchSize())));
        }
        if (s.epochs() != own.epochs()) {
            query.put(EPOCHS, List.of(String.valueOf(s.epochs())));
        }
        if (s.accumulation() != own.accumulation()) {
            query.put(K, List.of(String.valueOf(s.accumulation())));
        }
        OptimizerSpec o = s.optimizer();
        OptimizerSpec from = LabSettings.startingOptimizer(base, o.type());
        if (o.type() != own.optimizer().type()) {
            query.put(OPTIMIZER, List.of(o.type() == OptimizerSpec.Type.SGD ? "sgd" : "adam"));
        }
        boolean sgd = o.type() == OptimizerSpec.Type.SGD;
        putIfChanged(query, sgd, MOMENTUM, o.momentum(), from.momentum());
        putIfChanged(query, sgd, DAMPENING, o.dampening(), from.dampening());
        putIfChanged(query, true, DECAY, o.weightDecay(), from.weightDecay());
        if (sgd && o.nesterov() != from.nesterov()) {
            query.put(NESTEROV, List.of(String.valueOf(o.nesterov())));
        }
        putIfChanged(query, !sgd, BETA1, o.beta1(), from.beta1());
        putIfChanged(query, !sgd, BETA2, o.beta2(), from.beta2());
        putIfChanged(query, !sgd, EPS, o.eps(), from.eps());
        return query;
    }

    private static void putIfChanged(
            Map<String, List<String>> query, boolean applies, String name, double v, double own) {
        if (applies && Double.compare(v, own) != 0) {
            query.put(name, List.of(LabSettings.text(v)));
        }
    }

    private static @Nullable String value(Map<String, List<String>> query, String name) {
        List<String> given = query.get(name);
        return given == null || given.isEmpty() || given.get(0).isBlank()
                ? null
                : given.get(0).strip();
    }

    private static SettingsParsed notANumber(String name, String text) {
        return settingsProblem("lab.error.setting.number", name, Limits.cut(text, 40));
    }

    private static SettingsParsed settingsProblem(String key, Object... args) {
        return new SettingsParsed(null, new Problem(key, List.of(args)));
    }

    /**
     * A model page's training choices ({@code /lab/xor-mlp?strategies=zeroed,summed&train-epochs=5}): the strategies
     * to train, under the same parameter as a stepped page's, and how many of the scenario's epochs the next run
     * trains, null for all of them.
     */
    record Training(
            List<GradientStrategy> strategies, @Nullable Integer epochs) {

        /** The query for these choices; {@code train-epochs} only when it is fewer than the scenario's epochs. */
        Map<String, List<String>> query() {
            Map<String, List<String>> query = new LinkedHashMap<>();
            query.put(STRATEGIES, strategiesValue(strategies));
            if (epochs != null) {
                query.put(TRAIN_EPOCHS, List.of(String.valueOf(epochs)));
            }
            return query;
        }

        /** These choices for a scenario with {@code max} epochs: all of them is written as none. */
        Training withEpochs(int n, int max) {
            return new Training(strategies, n >= max ? null : Math.max(1, n));
        }
    }

    /** Either the training choices or the problem; exactly one is non-null. */
    record TrainingParsed(
            @Nullable Training training, @Nullable Problem problem) {}

    /** The training panel's epochs ({@code train-epochs=5}); {@code epochs} is the setting that bounds it. */
    static final String TRAIN_EPOCHS = "train-epochs";

    /**
     * Reads a model page's training choices against its strategies and epochs: no {@code strategies}, all of them; no
     * {@code train-epochs}, every epoch.
     */
    static TrainingParsed training(Map<String, List<String>> query, List<GradientStrategy> known, int maxEpochs) {
        List<String> given = query.get(STRATEGIES);
        Parsed parsed = parse(given == null ? Map.of() : Map.of(STRATEGIES, given), known, 1);
        if (parsed.problem() != null) {
            return new TrainingParsed(null, parsed.problem());
        }
        List<GradientStrategy> strategies = Objects.requireNonNull(
                        parsed.state(), "a parsed link has either a state or a problem")
                .strategies();
        String text = value(query, TRAIN_EPOCHS);
        if (text == null) {
            return new TrainingParsed(new Training(strategies, null), null);
        }
        var v = LabSettings.parseCount(text);
        if (v.isEmpty()) {
            return new TrainingParsed(null, notANumber(TRAIN_EPOCHS, text).problem());
        }
        long n = v.getAsLong();
        if (n < 1 || n > maxEpochs) {
            return new TrainingParsed(
                    null, new Problem("lab.error.train-epochs", List.of(Limits.cut(text, 20), maxEpochs)));
        }
        return new TrainingParsed(new Training(strategies, null).withEpochs((int) n, maxEpochs), null);
    }

    static boolean predict(Map<String, List<String>> query) {
        List<String> given = query.get(PREDICT);
        return given != null && !given.isEmpty() && given.get(0).strip().equals("1");
    }

    /** {@code query} with {@code predict=1} when the mode is on. */
    static Map<String, List<String>> predict(Map<String, List<String>> query, boolean on) {
        Map<String, List<String>> with = new LinkedHashMap<>(query);
        if (on) {
            with.put(PREDICT, List.of("1"));
        }
        return with;
    }

    private static Parsed problem(String key, Object... args) {
        return new Parsed(null, new Problem(key, List.of(args)));
    }
}
