package dev.gradlab.api;

import dev.gradlab.base.web.ClientAddress;
import dev.gradlab.scenario.store.SavedScenario;
import dev.gradlab.scenario.store.ScenarioStore;
import dev.gradlab.scenario.store.Visibility;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/scenarios}: create, read, replace, delete, list, fork and run saved scenarios. */
@RestController
@RequestMapping("/api/scenarios")
class ScenarioApi {

    static final MediaType YAML = new MediaType("application", "yaml", java.nio.charset.StandardCharsets.UTF_8);

    private final ScenarioStore store;
    private final ScenarioRuns runs;

    ScenarioApi(ScenarioStore store, ScenarioRuns runs) {
        this.store = store;
        this.runs = runs;
    }

    record Created(String slug, String url, long version) {
        static Created of(SavedScenario s) {
            return new Created(s.slug(), "/s/" + s.slug(), s.version());
        }
    }

    record Listed(String slug, String id, String title, String kind, String visibility, long version, String updated) {
        static Listed of(SavedScenario s) {
            return new Listed(
                    s.slug(),
                    s.id(),
                    s.titleEn(),
                    s.kind(),
                    s.visibility().wireName(),
                    s.version(),
                    s.updated().toString());
        }
    }

    @PostMapping
    ResponseEntity<Created> create(
            Principal user, @RequestParam(defaultValue = "private") String visibility, HttpServletRequest request) {
        Visibility v = Visibility.parse(visibility);
        SavedScenario saved = store.create(user.getName(), RequestBodies.text(request, ScenarioStore.MAX_BYTES), v);
        return ResponseEntity.created(URI.create("/api/scenarios/" + saved.slug()))
                .body(Created.of(saved));
    }

    @GetMapping("/{slug}")
    ResponseEntity<String> read(@Nullable Principal user, @PathVariable String slug) {
        SavedScenario s = visible(user, slug);
        return ResponseEntity.ok()
                .eTag(String.valueOf(s.version()))
                .contentType(YAML)
                .body(s.source());
    }

    @PutMapping("/{slug}")
    ResponseEntity<Created> replace(
            Principal user,
            @PathVariable String slug,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestParam(required = false) @Nullable String visibility,
            HttpServletRequest request) {
        long expected = version(ifMatch);
        String text = RequestBodies.text(request, ScenarioStore.MAX_BYTES);
        SavedScenario saved = store.update(
                user.getName(), slug, text, visibility == null ? null : Visibility.parse(visibility), expected);
        return ResponseEntity.ok().eTag(String.valueOf(saved.version())).body(Created.of(saved));
    }

    @DeleteMapping("/{slug}")
    ResponseEntity<Void> delete(
            Principal user,
            @PathVariable String slug,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        store.delete(user.getName(), slug, version(ifMatch));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{slugOrId}/fork")
    ResponseEntity<Created> fork(Principal user, @PathVariable String slugOrId) {
        SavedScenario saved = store.fork(user.getName(), slugOrId);
        return ResponseEntity.created(URI.create("/api/scenarios/" + saved.slug()))
                .body(Created.of(saved));
    }

    @GetMapping(value = "/{slug}/run")
    ResponseEntity<String> run(@Nullable Principal user, @PathVariable String slug, HttpServletRequest request) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(runs.runJson(visible(user, slug).source(), ClientAddress.of(request)));
    }

    @GetMapping
    List<Listed> list(
            @Nullable Principal user,
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(name = "public", defaultValue = "false") boolean listPublic) {
        if (mine == listPublic) {
            throw new ApiError(HttpStatus.BAD_REQUEST, "ask for exactly one list: ?mine=true or ?public=true");
        }
        if (mine) {
            if (user == null) {
                throw new ApiError(HttpStatus.UNAUTHORIZED, "?mine=true needs HTTP Basic sign-in");
            }
            return store.listMine(user.getName()).stream().map(Listed::of).toList();
        }
        return store.listPublic().stream().map(Listed::of).toList();
    }

    private SavedScenario visible(@Nullable Principal user, String slug) {
        return store.findVisible(user == null ? null : user.getName(), slug)
                .orElseThrow(() -> new ApiError(HttpStatus.NOT_FOUND, "no scenario '" + ApiError.oneLine(slug) + "'"));
    }

    private static long version(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiError(
                    HttpStatus.BAD_REQUEST, "send the version you opened in an If-Match header (the ETag of GET)");
        }
        String v = ifMatch.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new ApiError(
                    HttpStatus.BAD_REQUEST,
                    "If-Match must be a version number, found '" + ApiError.oneLine(ifMatch) + "'");
        }
    }
}
