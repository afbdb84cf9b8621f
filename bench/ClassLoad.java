/*
 * Bounded load test of a live class (issue 11, Load) against a GradLab server on THIS machine (loopback only).
 *
 * N students join in N Playwright browser contexts of one headless Chromium (phone-sized pages), the instructor
 * advances S steps through the HTTP API, and each page records (MutationObserver, Date.now()) when its #class-step
 * first shows the new step; then one number question is posed and all N answer it ("Your prediction", "Submit"),
 * and GET /api/classes/{code} is read until it counts N answers. Prints one JSON object: step arrival p50/p95/max
 * (ms from the step request), answers' arrival (ms from the last Submit click to answered == N), and, with --pid,
 * the server's heap per joined session (jcmd GC.run, then GC.heap_info, before and after the joins).
 * Without --scenario it first saves a scenario of its own (one batch per step) through the API, so every step exists.
 * The browsers share the machine with the server, so the figures are pessimistic. It stops by itself: at most 200
 * students and 50 steps, and --max-seconds (default 900) ends it whatever happens.
 *
 * Run from the project directory, after `mvn -q -o test-compile` (for the classpath file):
 *   mvn -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-cp.txt
 *   GRADLAB_ADMIN_PASSWORD=admin-pw java -Xmx1g -jar target/gradlab.jar --server.port=18100 &
 *   java -cp "$(cat target/bench-cp.txt)" bench/ClassLoad.java --port 18100 --admin-password admin-pw \
 *       --pid <server pid> --students 100 --steps 20
 */
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class ClassLoad {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final String WATCH = """
            () => { window.__seen = {}; const rec = () => { const el = document.querySelector('#class-step');
              if (!el) return; const m = el.textContent.match(/\\d+/); if (m && !(m[0] in window.__seen))
              window.__seen[m[0]] = Date.now(); };
              new MutationObserver(rec).observe(document.body, {subtree: true, childList: true, characterData: true});
              rec(); }""";

    static int port = 8080;
    static String user = "load-instructor";
    static String password = "load-instructor-pw";

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (java.net.ConnectException e) {
            System.err.println("class load: no GradLab server listens on localhost:" + port + " (--port)");
            System.exit(2);
        } catch (NumberFormatException e) {
            System.err.println("class load: --port, --students, --steps and --max-seconds take whole numbers");
            System.exit(2);
        }
    }

    static void run(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        port = Integer.parseInt(a.getOrDefault("port", "8080"));
        int students = Math.min(200, Integer.parseInt(a.getOrDefault("students", "100")));
        int steps = Math.min(50, Integer.parseInt(a.getOrDefault("steps", "20")));
        long maxSeconds = Long.parseLong(a.getOrDefault("max-seconds", "900"));
        String scenario = a.get("scenario"); // null: one of its own with a batch per step
        String adminPassword = a.getOrDefault("admin-password", System.getenv().getOrDefault("GRADLAB_ADMIN_PASSWORD", ""));
        String pid = a.get("pid");
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(maxSeconds * 1000);
                System.err.println("class load: stopped after --max-seconds " + maxSeconds);
                System.exit(3);
            } catch (InterruptedException ignored) {
                // finished in time
            }
        });
        watchdog.setDaemon(true);
        watchdog.start();

        // an instructor (201, or 409 if an earlier run made it), then the class
        call("POST", "/api/users", "admin", adminPassword, "{\"username\": \"" + user + "\", \"password\": \"" + password + "\"}");
        if (scenario == null) {
            // a scenario of the instructor's own with one batch per step, so that every step the load asks for
            // exists (gd-by-hand has 3): theta = 10, learning rate 0.1, batch gradients 1, 2, 1, 2, …
            StringBuilder yaml = new StringBuilder("id: class-load\ntitle: Class load\nkind: manual\nlearningRate: 0.1\n"
                    + "strategies: [zeroed, summed]\nparams:\n  theta: 10\ngradients:\n");
            for (int s = 1; s <= steps; s++) {
                yaml.append("  - {theta: ").append(s % 2 == 0 ? 2 : 1).append("}\n");
            }
            HttpResponse<String> saved = call("POST", "/api/scenarios?visibility=private", user, password, yaml.toString());
            if (saved.statusCode() != 201) {
                System.err.println("class load: POST /api/scenarios gave " + saved.statusCode() + ": " + saved.body());
                System.exit(2);
            }
            scenario = JSON.readTree(saved.body()).path("slug").asText();
        }
        HttpResponse<String> created = call("POST", "/api/classes", user, password,
                "{\"scenario\": \"" + scenario + "\", \"pace\": \"instructor\"}");
        if (created.statusCode() != 201) {
            System.err.println("class load: POST /api/classes gave " + created.statusCode() + ": " + created.body());
            System.exit(2);
        }
        String code = JSON.readTree(created.body()).path("code").asText();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("students", students);
        out.put("steps", steps);
        long heapBefore = pid == null ? -1 : heapAfterGc(pid);

        try (Playwright pw = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                Browser browser = pw.chromium().launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Path.of("/usr/bin/chromium")).setHeadless(true)
                        .setArgs(List.of("--no-sandbox", "--headless", "--disable-gpu", "--disable-quic", "--no-first-run",
                                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                                "--disable-dev-shm-usage", "--disable-renderer-backgrounding",
                                "--disable-background-timer-throttling", "--disable-backgrounding-occluded-windows")))) {
            List<Page> pages = new ArrayList<>();
            long joinStart = System.nanoTime();
            for (int i = 0; i < students; i++) {
                BrowserContext ctx = browser.newContext(new Browser.NewContextOptions().setViewportSize(375, 700).setLocale("en-US"));
                ctx.setDefaultTimeout(60_000);
                Page p = ctx.newPage();
                p.navigate(url("/join/" + code));
                Locator field = p.getByLabel("Class code");
                field.waitFor();
                if (field.inputValue().isBlank()) {
                    field.fill(code);
                }
                p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join")).click();
                p.locator("#class-step").waitFor();
                p.evaluate(WATCH);
                pages.add(p);
            }
            out.put("join_seconds_total", round((System.nanoTime() - joinStart) / 1e9));
            if (pid != null) {
                long heapAfter = heapAfterGc(pid);
                out.put("heap_before_kb", heapBefore);
                out.put("heap_after_kb", heapAfter);
                out.put("heap_per_session_kb", (heapAfter - heapBefore) / students);
            }

            List<Long> arrivals = new ArrayList<>();
            int missed = 0;
            for (int s = 1; s <= steps; s++) {
                long t0 = System.currentTimeMillis();
                HttpResponse<String> r = call("POST", "/api/classes/" + code + "/step", user, password, "{\"step\": " + s + "}");
                if (r.statusCode() != 200) {
                    out.put("stopped_at_step", s + ": " + r.statusCode() + " " + r.body());
                    break;
                }
                Thread.sleep(3000); // every page's observer notes its own arrival time meanwhile
                for (Page p : pages) {
                    Object seen = p.evaluate("s => window.__seen[String(s)] ?? null", s);
                    if (seen instanceof Number n) {
                        arrivals.add(n.longValue() - t0);
                    } else {
                        missed++;
                    }
                }
            }
            arrivals.sort(null);
            out.put("step_arrival_ms_p50", pct(arrivals, 50));
            out.put("step_arrival_ms_p95", pct(arrivals, 95));
            out.put("step_arrival_ms_max", arrivals.isEmpty() ? -1 : arrivals.get(arrivals.size() - 1));
            out.put("step_arrivals_within_1s_pct", arrivals.isEmpty() ? 0 : round(100.0 * arrivals.stream().filter(x -> x <= 1000).count() / (arrivals.size() + missed)));
            out.put("step_arrivals_missed", missed);

            HttpResponse<String> q = call("POST", "/api/classes/" + code + "/questions", user, password,
                    "{\"kind\": \"number\", \"step\": " + steps + ", \"strategy\": \"summed\", \"param\": \"theta\", \"index\": 0}");
            if (q.statusCode() == 201) {
                long firstClick = System.nanoTime();
                for (Page p : pages) {
                    p.getByLabel("Your prediction").fill("1.5");
                    p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit")).click();
                }
                long lastClick = System.nanoTime();
                int answered = 0;
                while (System.nanoTime() - lastClick < 30_000_000_000L) {
                    JsonNode st = JSON.readTree(call("GET", "/api/classes/" + code, user, password, null).body());
                    JsonNode qs = st.path("questions");
                    answered = qs.size() == 0 ? 0 : qs.get(qs.size() - 1).path("answered").asInt();
                    if (answered >= students) {
                        break;
                    }
                    Thread.sleep(50);
                }
                out.put("answers_counted", answered);
                out.put("answers_clicking_seconds", round((lastClick - firstClick) / 1e9));
                out.put("answers_all_counted_ms_after_last_click", round((System.nanoTime() - lastClick) / 1e6));
            } else {
                out.put("question", q.statusCode() + " " + q.body());
            }
        } finally {
            call("DELETE", "/api/classes/" + code, user, password, null);
        }
        System.out.println(JSON.writeValueAsString(out));
        System.exit(0);
    }

    static long pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    static double round(double x) {
        return Math.round(x * 10) / 10.0;
    }

    /** The server's used heap in KB just after a full GC (jcmd GC.run, then GC.heap_info). */
    static long heapAfterGc(String pid) throws Exception {
        new ProcessBuilder("jcmd", pid, "GC.run").redirectErrorStream(true).start().waitFor();
        Process info = new ProcessBuilder("jcmd", pid, "GC.heap_info").redirectErrorStream(true).start();
        String text = new String(info.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("used (\\d+)K").matcher(text);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    static String url(String path) {
        return "http://localhost:" + port + path; // loopback only, by construction
    }

    static HttpResponse<String> call(String method, String path, String u, String pw, String body) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((u + ":" + pw).getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30));
        if (body == null) {
            r.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            r.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }
}
