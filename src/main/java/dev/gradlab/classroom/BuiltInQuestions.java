package dev.gradlab.classroom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.gradlab.scenario.LocalizedText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The built-in questions, read once from {@code classroom/questions.yaml} on the class path. */
public final class BuiltInQuestions {

    static final String RESOURCE = "/classroom/questions.yaml";

    private static final List<BuiltInQuestion> ALL = load();

    private BuiltInQuestions() {}

    public static List<BuiltInQuestion> all() {
        return ALL;
    }

    public static Optional<BuiltInQuestion> find(String id) {
        return ALL.stream().filter(q -> q.id().equals(id)).findFirst();
    }

    /** The questions that fit a class of scenario {@code scenarioId}. */
    public static List<BuiltInQuestion> forScenario(String scenarioId) {
        return ALL.stream().filter(q -> q.fits(scenarioId)).toList();
    }

    private static List<BuiltInQuestion> load() {
        try (InputStream in = Objects.requireNonNull(
                BuiltInQuestions.class.getResourceAsStream(RESOURCE), RESOURCE + " is missing")) {
            JsonNode root = new YAMLMapper().readTree(in);
            List<BuiltInQuestion> out = new ArrayList<>();
            for (JsonNode q : root) {
                QuestionKind kind = QuestionKind.parse(q.path("kind").asText());
                List<LocalizedText> options = new ArrayList<>();
                for (JsonNode o : q.path(kind == QuestionKind.BUG ? "code" : "options")) {
                    options.add(o.isTextual() ? new LocalizedText(Map.of("en", o.asText())) : text(o));
                }
                out.add(new BuiltInQuestion(
                        q.path("id").asText(),
                        textOrNull(q.get("scenario")),
                        kind,
                        text(q.path("prompt")),
                        options,
                        q.path("answer").asInt(-1),
                        q.path("step").asInt(0),
                        textOrNull(q.get("strategy")),
                        textOrNull(q.get("param")),
                        q.path("index").asInt(0)));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LocalizedText text(JsonNode node) {
        Map<String, String> byLanguage = new LinkedHashMap<>();
        node.fields()
                .forEachRemaining(e -> byLanguage.put(e.getKey(), e.getValue().asText()));
        return new LocalizedText(byLanguage);
    }

    private static @Nullable String textOrNull(@Nullable JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
