package dev.gradlab.api;

import dev.gradlab.classroom.ClassException;
import dev.gradlab.classroom.ClassService;
import dev.gradlab.classroom.Pace;
import java.net.URI;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/classes}: start, step, pose, reveal, read and end live classes; only the class's instructor. */
@RestController
@RequestMapping("/api/classes")
class ClassApi {

    private final ClassService classes;

    ClassApi(ClassService classes) {
        this.classes = classes;
    }

    record Start(@Nullable String scenario, @Nullable String pace) {}

    record Started(String code, String url) {}

    record Step(@Nullable Integer step) {}

    record Posed(String id) {}

    record QuestionState(String id, int answered, @Nullable Integer correct, boolean revealed, List<String> answers) {}

    record ClassState(int students, int step, List<QuestionState> questions) {}

    @PostMapping
    ResponseEntity<Started> start(Principal user, @RequestBody Start body) {
        if (body.scenario() == null || body.scenario().isBlank()) {
            throw new ApiError(HttpStatus.BAD_REQUEST, "send {\"scenario\": \"<slug or built-in id>\", \"pace\": ...}");
        }
        Pace pace = Pace.parse(Objects.requireNonNullElse(body.pace(), "instructor"));
        ClassService.Summary s = classes.start(user.getName(), body.scenario(), pace);
        return ResponseEntity.created(URI.create("/api/classes/" + s.code()))
                .body(new Started(s.code(), "/join/" + s.code()));
    }

    @PostMapping("/{code}/step")
    ResponseEntity<Map<String, Integer>> step(Principal user, @PathVariable String code, @RequestBody Step body) {
        if (body.step() == null) {
            throw new ApiError(HttpStatus.BAD_REQUEST, "send {\"step\": N}");
        }
        ClassService.Summary s = classes.setStep(user.getName(), code, body.step());
        return ResponseEntity.ok(Map.of("step", s.step()));
    }

    @PostMapping("/{code}/questions")
    ResponseEntity<Posed> pose(Principal user, @PathVariable String code, @RequestBody Map<String, Object> body) {
        ClassService.Card card = classes.pose(user.getName(), code, spec(body));
        return ResponseEntity.created(URI.create("/api/classes/" + code + "/questions/" + card.wireId()))
                .body(new Posed(card.wireId()));
    }

    @PostMapping("/{code}/questions/{id}/reveal")
    ResponseEntity<Map<String, Boolean>> reveal(Principal user, @PathVariable String code, @PathVariable String id) {
        long qid;
        try {
            qid = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new ApiError(HttpStatus.NOT_FOUND, "no question " + ApiError.oneLine(id) + " in class " + code);
        }
        classes.reveal(user.getName(), code, qid);
        return ResponseEntity.ok(Map.of("revealed", true));
    }

    @GetMapping("/{code}")
    ClassState read(Principal user, @PathVariable String code) {
        ClassService.Dashboard d = classes.dashboard(user.getName(), code);
        List<QuestionState> qs = new ArrayList<>();
        for (ClassService.Tally t : d.tallies()) {
            List<String> answers = new ArrayList<>();
            t.counts().forEach((answer, n) -> {
                for (int i = 0; i < n; i++) {
                    answers.add(answer);
                }
            });
            qs.add(new QuestionState(
                    t.card().wireId(), t.answered(), t.correct(), t.card().revealed(), answers));
        }
        return new ClassState(d.summary().students(), d.summary().step(), qs);
    }

    @DeleteMapping("/{code}")
    ResponseEntity<Map<String, Boolean>> end(Principal user, @PathVariable String code) {
        classes.end(user.getName(), code);
        return ResponseEntity.ok(Map.of("ended", true));
    }

    @GetMapping(value = "/{code}/answers.csv", produces = "text/csv")
    ResponseEntity<String> answersCsv(Principal user, @PathVariable String code) {
        return csv(classes.answersCsv(user.getName(), code));
    }

    @GetMapping(value = "/{code}/summary.csv", produces = "text/csv")
    ResponseEntity<String> summaryCsv(Principal user, @PathVariable String code) {
        return csv(classes.summaryCsv(user.getName(), code));
    }

    @ExceptionHandler(ClassException.class)
    ResponseEntity<Map<String, String>> refused(ClassException e) {
        HttpStatus status = switch (e.reason()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
        return ApiError.entity(status, Objects.requireNonNullElse(e.getMessage(), e.toString()));
    }

    private static ResponseEntity<String> csv(String text) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(text);
    }

    private static ClassService.QuestionSpec spec(Map<String, Object> body) {
        String builtin = text(body, "id");
        if (builtin == null) {
            builtin = text(body, "builtin");
        }
        if (builtin != null) {
            return ClassService.QuestionSpec.builtIn(builtin);
        }
        Object options = body.get("options");
        List<String> list = null;
        if (options != null) {
            if (!(options instanceof List<?> l)) {
                throw new ApiError(HttpStatus.BAD_REQUEST, "options must be a list of strings");
            }
            list = l.stream().map(o -> o == null ? "" : o.toString()).toList();
        }
        return new ClassService.QuestionSpec(
                text(body, "kind"),
                number(body, "step"),
                text(body, "strategy"),
                text(body, "param"),
                number(body, "index"),
                text(body, "prompt"),
                list,
                number(body, "answer"),
                null);
    }

    private static @Nullable String text(Map<String, Object> body, String key) {
        Object v = body.get(key);
        return v == null ? null : v.toString();
    }

    private static @Nullable Integer number(Map<String, Object> body, String key) {
        Object v = body.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Integer i) {
            return i;
        }
        throw new ApiError(
                HttpStatus.BAD_REQUEST, key + " must be a whole number, found " + ApiError.oneLine(v.toString()));
    }
}
