package dev.gradlab.lab.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gradlab.scenario.ModelScenario;
import dev.gradlab.scenario.TestCommons;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TrainingJobsTest {

    /** A listener that holds its job at the start until released, and records what it heard. */
    static class Gate implements TrainingListener {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final List<Integer> places = new CopyOnWriteArrayList<>();
        final List<Thread> threads = new CopyOnWriteArrayList<>();

        @Override
        public void onQueued(TrainingJob job, int placeInLine) {
            places.add(placeInLine);
        }

        @Override
        public void onStarted(TrainingJob job) {
            threads.add(Thread.currentThread());
            started.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void waiting_jobs_know_their_place_and_move_up_when_one_ahead_is_cancelled() throws Exception {
        try (TrainingJobs jobs = new TrainingJobs(1, 10, 5)) {
            Gate a = new Gate();
            Gate b = new Gate();
            Gate c = new Gate();
            TrainingJob ja = jobs.submit("s1", Specs.small("gaussian", 1), a);
            assertThat(a.started.await(5, TimeUnit.SECONDS)).isTrue();
            TrainingJob jb = jobs.submit("s2", Specs.small("gaussian", 1), b);
            TrainingJob jc = jobs.submit("s3", Specs.small("gaussian", 1), c);

            assertThat(ja.state()).isEqualTo(TrainingJob.State.RUNNING);
            assertThat(jb.state()).isEqualTo(TrainingJob.State.QUEUED);
            assertThat(jb.placeInLine()).isEqualTo(1);
            assertThat(jc.placeInLine()).isEqualTo(2);
            assertThat(c.places).containsExactly(2);

            jb.cancel();
            assertThat(jb.state()).isEqualTo(TrainingJob.State.CANCELLED);
            assertThat(jc.placeInLine()).isEqualTo(1);
            assertThat(c.places).containsExactly(2, 1);

            a.release.countDown();
            assertThat(c.started.await(5, TimeUnit.SECONDS)).isTrue();
            c.release.countDown();
            assertThat(ja.awaitFinished(Duration.ofSeconds(10))).isTrue();
            assertThat(jc.awaitFinished(Duration.ofSeconds(10))).isTrue();
            assertThat(ja.state()).isEqualTo(TrainingJob.State.DONE);
            assertThat(jc.state()).isEqualTo(TrainingJob.State.DONE);
            assertThat(ja.result()).isNotNull();
            assertThat(ja.progress()).isEqualTo(1.0);
            assertThat(b.threads).isEmpty(); // a job cancelled while waiting never starts
        }
    }

    @Test
    void jobs_never_run_on_the_callers_thread() throws Exception {
        try (TrainingJobs jobs = new TrainingJobs(2, 10, 5)) {
            Gate g = new Gate();
            g.release.countDown();
            TrainingJob job = jobs.submit("s", Specs.small("xor", 1), g);
            assertThat(job.awaitFinished(Duration.ofSeconds(10))).isTrue();
            assertThat(g.threads).hasSize(1).doesNotContain(Thread.currentThread());
        }
    }

    @Test
    void cancelling_a_running_job_stops_it_within_a_few_steps() throws Exception {
        try (TrainingJobs jobs = new TrainingJobs(1, 10, 5)) {
            CountDownLatch running = new CountDownLatch(20);
            AtomicInteger stepsAfterCancel = new AtomicInteger();
            TrainingJob[] holder = new TrainingJob[1];
            TrainingJob job = jobs.submit("s", Specs.slow(), new TrainingListener() {
                @Override
                public void onStep(StepProgress step) {
                    running.countDown();
                    if (holder[0] != null && holder[0].isCancelRequested()) {
                        stepsAfterCancel.incrementAndGet();
                    }
                }
            });
            holder[0] = job;
            assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(job.state()).isEqualTo(TrainingJob.State.RUNNING);
            long before = System.nanoTime();
            job.cancel();
            assertThat(job.awaitFinished(Duration.ofSeconds(2))).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(2));
            assertThat(job.state()).isEqualTo(TrainingJob.State.CANCELLED);
            assertThat(job.result()).isNull();
            assertThat(stepsAfterCancel.get()).isLessThanOrEqualTo(1); // the step in flight, at most
            assertThat(job.stepsDone()).isLessThan(job.totalSteps());
        }
    }

    @Test
    void thirty_submissions_on_two_threads_all_finish_or_cancel_cleanly() throws Exception {
        try (TrainingJobs jobs = new TrainingJobs(2, 30, 1)) {
            AtomicInteger concurrent = new AtomicInteger();
            AtomicInteger maxConcurrent = new AtomicInteger();
            ConcurrentHashMap<Long, Integer> finishedCalls = new ConcurrentHashMap<>();
            java.util.Set<Long> started = ConcurrentHashMap.newKeySet();
            Thread test = Thread.currentThread();
            List<Thread> wrongThreads = new CopyOnWriteArrayList<>();
            TrainingListener listener = new TrainingListener() {
                @Override
                public void onStarted(TrainingJob job) {
                    started.add(job.id());
                    maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
                    if (Thread.currentThread() == test) {
                        wrongThreads.add(test);
                    }
                }

                @Override
                public void onFinished(TrainingJob job) {
                    if (started.contains(job.id())) {
                        concurrent.decrementAndGet();
                    }
                    finishedCalls.merge(job.id(), 1, Integer::sum);
                }
            };
            List<TrainingJob> all = new ArrayList<>();
            String[] sets = {"spiral", "xor", "circle", "gaussian"};
            for (int i = 0; i < 30; i++) {
                all.add(jobs.submit("student-" + i, Specs.small(sets[i % 4], 3, "zeroed", "summed"), listener));
            }
            for (int i = 0; i < 30; i += 3) {
                all.get(i).cancel();
            }
            for (TrainingJob job : all) {
                assertThat(job.awaitFinished(Duration.ofSeconds(60)))
                        .as("job %s finished", job)
                        .isTrue();
            }
            for (TrainingJob job : all) {
                assertThat(job.state()).isIn(TrainingJob.State.DONE, TrainingJob.State.CANCELLED);
                if (job.state() == TrainingJob.State.DONE) {
                    assertThat(job.result()).isNotNull();
                    assertThat(job.result().runs()).hasSize(2);
                }
                assertThat(finishedCalls.get(job.id()))
                        .as("onFinished calls of %s", job)
                        .isEqualTo(1);
            }
            assertThat(all.stream()
                            .filter(j -> j.state() == TrainingJob.State.DONE)
                            .count())
                    .isGreaterThanOrEqualTo(20);
            assertThat(maxConcurrent.get()).isLessThanOrEqualTo(2);
            assertThat(wrongThreads).isEmpty();
            assertThat(jobs.queued()).isZero();
            assertThat(jobs.active()).isZero();
        }
    }

    @Test
    void a_session_may_not_exceed_its_cap_and_a_full_queue_refuses_with_a_clear_message() throws Exception {
        try (TrainingJobs jobs = new TrainingJobs(1, 1, 2)) {
            Gate a = new Gate();
            jobs.submit("alice", Specs.small("xor", 1), a);
            assertThat(a.started.await(5, TimeUnit.SECONDS)).isTrue();
            jobs.submit("alice", Specs.small("xor", 1), new Gate());
            assertThatThrownBy(() -> jobs.submit("alice", Specs.small("xor", 1), new Gate()))
                    .isInstanceOf(TrainingRejectedException.class)
                    .hasMessageContaining("you already have 2 training jobs running or waiting (at most 2 per session)")
                    .satisfies(e -> assertThat(((TrainingRejectedException) e).reason())
                            .isEqualTo(TrainingRejectedException.Reason.SESSION_LIMIT))
                    .satisfies(e ->
                            assertThat(((TrainingRejectedException) e).limit()).isEqualTo(2));
            assertThatThrownBy(() -> jobs.submit("bob", Specs.small("xor", 1), new Gate()))
                    .isInstanceOf(TrainingRejectedException.class)
                    .hasMessageContaining("the training queue is full (1 job waiting for 1 training thread)")
                    .satisfies(e -> assertThat(((TrainingRejectedException) e).reason())
                            .isEqualTo(TrainingRejectedException.Reason.QUEUE_FULL));
            jobs.cancelAll("alice");
            a.release.countDown();
            assertThat(jobs.jobs("alice"))
                    .allSatisfy(j -> assertThat(j.isCancelRequested()).isTrue());
        }
    }

    @Test
    void a_job_that_cannot_train_fails_with_the_reason() throws Exception {
        try (TrainingJobs jobs = new TrainingJobs(1, 1, 1)) {
            var spec = new ModelScenario(
                    TestCommons.common(1, 0.1, dev.gradlab.scenario.OptimizerSpec.sgd(), List.of("zeroed")),
                    "xor",
                    80,
                    0.1,
                    0.25,
                    null,
                    new int[] {3, 4, 2},
                    "tanh",
                    0,
                    1,
                    10);
            TrainingJob job = jobs.submit("s", spec, new TrainingListener() {});
            assertThat(job.awaitFinished(Duration.ofSeconds(10))).isTrue();
            assertThat(job.state()).isEqualTo(TrainingJob.State.FAILED);
            assertThat(job.failure()).contains("model.layers[0] is 3", "2 features");
        }
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The race that once told a job an old place: a thread renumbering after a cancel is held inside its first
     * notification (job c hearing "1") while the running job finishes, c starts and d is told it is now first; then
     * the held thread goes on. With places published outside the lock from a stale copy of the queue, d was then told
     * "2" and kept it; now the stale place is never delivered. Latches only, no sleeps.
     */
    @Test
    void a_renumbering_held_up_by_a_slow_listener_never_tells_a_job_an_old_place() throws Exception {
        try (TrainingJobs jobs = new TrainingJobs(1, 10, 5)) {
            Gate a = new Gate();
            TrainingJob ja = jobs.submit("a", Specs.small("gaussian", 1), a);
            assertThat(a.started.await(5, TimeUnit.SECONDS)).isTrue();
            TrainingJob jb = jobs.submit("b", Specs.small("gaussian", 1), new Gate());
            CountDownLatch cHolding = new CountDownLatch(1);
            CountDownLatch releaseC = new CountDownLatch(1);
            Gate c = new Gate() {
                @Override
                public void onQueued(TrainingJob job, int placeInLine) {
                    super.onQueued(job, placeInLine);
                    if (placeInLine == 1) {
                        cHolding.countDown();
                        await(releaseC);
                    }
                }
            };
            TrainingJob jc = jobs.submit("c", Specs.small("gaussian", 1), c);
            CountDownLatch dFirst = new CountDownLatch(1);
            Gate d = new Gate() {
                @Override
                public void onQueued(TrainingJob job, int placeInLine) {
                    super.onQueued(job, placeInLine);
                    if (placeInLine == 1) {
                        dFirst.countDown();
                    }
                }
            };
            TrainingJob jd = jobs.submit("d", Specs.small("gaussian", 1), d);
            assertThat(List.of(jb.placeInLine(), jc.placeInLine(), jd.placeInLine()))
                    .containsExactly(1, 2, 3);

            Thread canceller = new Thread(jb::cancel, "canceller");
            canceller.start();
            assertThat(cHolding.await(5, TimeUnit.SECONDS))
                    .as("c hears place 1")
                    .isTrue();
            a.release.countDown(); // a trains its one small epoch and finishes: c starts, d moves to the front
            assertThat(dFirst.await(10, TimeUnit.SECONDS)).as("d hears place 1").isTrue();
            assertThat(c.started.await(1, TimeUnit.SECONDS))
                    .as("c's start waits for its own notification")
                    .isFalse();
            releaseC.countDown();
            canceller.join(10_000);
            assertThat(c.started.await(10, TimeUnit.SECONDS)).isTrue();

            assertThat(ja.awaitFinished(Duration.ofSeconds(10))).isTrue();
            assertThat(jd.state()).isEqualTo(TrainingJob.State.QUEUED);
            assertThat(jd.placeInLine()).isEqualTo(1);
            assertThat(d.places)
                    .containsExactly(3, 1); // its place 2 was already old when its turn came: never delivered
            assertThat(c.places).containsExactly(2, 1); // and never "queued" after it started
            c.release.countDown();
            d.release.countDown();
        }
    }

    @Test
    void one_address_may_not_exceed_its_cap_across_sessions_and_others_still_get_in() throws Exception {
        try (TrainingJobs jobs = new TrainingJobs(1, 10, 2, 3, Duration.ofMinutes(1))) {
            Gate a = new Gate();
            jobs.submit("no-cookie-1", "10.0.0.9", Specs.small("xor", 1), a);
            assertThat(a.started.await(5, TimeUnit.SECONDS)).isTrue();
            jobs.submit("no-cookie-2", "10.0.0.9", Specs.small("xor", 1), new Gate());
            jobs.submit("no-cookie-3", "10.0.0.9", Specs.small("xor", 1), new Gate());
            assertThatThrownBy(() -> jobs.submit("no-cookie-4", "10.0.0.9", Specs.small("xor", 1), new Gate()))
                    .isInstanceOf(TrainingRejectedException.class)
                    .hasMessageContaining("at most 3 per address")
                    .satisfies(e -> assertThat(((TrainingRejectedException) e).reason())
                            .isEqualTo(TrainingRejectedException.Reason.ADDRESS_LIMIT))
                    .satisfies(e ->
                            assertThat(((TrainingRejectedException) e).limit()).isEqualTo(3));
            TrainingJob other = jobs.submit("someone", "10.0.0.10", Specs.small("xor", 1), new Gate());
            assertThat(other.state()).isEqualTo(TrainingJob.State.QUEUED);
            assertThat(jobs.queued()).isEqualTo(3);
            a.release.countDown();
            jobs.cancelAll("no-cookie-2");
            jobs.cancelAll("no-cookie-3");
            jobs.cancelAll("someone");
        }
    }

    @Test
    void a_job_whose_page_falls_silent_is_cancelled_once_the_heartbeat_timeout_passes() throws Exception {
        AtomicLong now = new AtomicLong(1_000_000);
        try (TrainingJobs jobs = new TrainingJobs(1, 10, 2, 4, Duration.ofSeconds(60), now::get, ModelTrainer::new)) {
            CountDownLatch stepped = new CountDownLatch(3);
            CountDownLatch hold = new CountDownLatch(1);
            TrainingJob job = jobs.submit("s", "a", Specs.slow(), new TrainingListener() {
                @Override
                public void onStep(StepProgress step) {
                    stepped.countDown();
                    if (stepped.getCount() == 0) {
                        await(hold);
                    }
                }
            });
            assertThat(stepped.await(10, TimeUnit.SECONDS)).isTrue();
            now.addAndGet(59_000);
            job.heardAt(now.get()); // the page's heartbeat 59 s in: the job goes on
            now.addAndGet(59_000);
            assertThat(job.isCancelRequested()).isFalse();
            now.addAndGet(2_000); // 61 s without a heartbeat
            hold.countDown();
            assertThat(job.awaitFinished(Duration.ofSeconds(10))).isTrue();
            assertThat(job.state()).isEqualTo(TrainingJob.State.CANCELLED);
            assertThat(job.stepsDone()).isLessThan(job.totalSteps());
        }
    }

    @Test
    void a_job_that_trains_past_the_run_deadline_is_stopped_and_says_which_deadline() throws Exception {
        AtomicLong now = new AtomicLong(1_000_000);
        try (TrainingJobs jobs = new TrainingJobs(
                1, 10, 2, 4, Duration.ofDays(1), Duration.ofSeconds(300), now::get, ModelTrainer::new)) {
            CountDownLatch stepped = new CountDownLatch(3);
            CountDownLatch hold = new CountDownLatch(1);
            TrainingJob job = jobs.submit("s", "a", Specs.slow(), new TrainingListener() {
                @Override
                public void onStep(StepProgress step) {
                    stepped.countDown();
                    if (stepped.getCount() == 0) {
                        await(hold);
                    }
                }
            });
            assertThat(stepped.await(10, TimeUnit.SECONDS)).isTrue();
            now.addAndGet(299_000); // 299 s of training: within the deadline
            assertThat(job.isCancelRequested()).isFalse();
            now.addAndGet(2_000); // 301 s
            hold.countDown();
            assertThat(job.awaitFinished(Duration.ofSeconds(10))).isTrue();
            assertThat(job.state()).isEqualTo(TrainingJob.State.CANCELLED);
            assertThat(job.stoppedByDeadline()).isEqualTo(Duration.ofSeconds(300));
            assertThat(job.stepsDone()).isLessThan(job.totalSteps());
        }
    }

    @Test
    void a_job_cancelled_by_its_user_was_not_stopped_by_the_deadline() throws Exception {
        try (TrainingJobs jobs = new TrainingJobs(1, 10, 5)) {
            TrainingJob job = jobs.submit("s", Specs.slow(), new TrainingListener() {});
            job.cancel();
            assertThat(job.awaitFinished(Duration.ofSeconds(10))).isTrue();
            assertThat(job.state()).isEqualTo(TrainingJob.State.CANCELLED);
            assertThat(job.stoppedByDeadline()).isNull();
        }
    }

    @Test
    void a_waiting_job_whose_page_falls_silent_gives_up_its_place_before_a_new_job_is_admitted() throws Exception {
        AtomicLong now = new AtomicLong(1_000_000);
        // one thread, two places in line, a 60 s heartbeat timeout
        try (TrainingJobs jobs = new TrainingJobs(1, 2, 1, 10, Duration.ofSeconds(60), now::get, ModelTrainer::new)) {
            Gate a = new Gate();
            jobs.submit("s1", "a", Specs.small("xor", 1), a);
            assertThat(a.started.await(5, TimeUnit.SECONDS)).isTrue();
            Gate silent = new Gate();
            TrainingJob b = jobs.submit("s2", "b", Specs.small("xor", 1), silent);
            TrainingJob c = jobs.submit("s3", "c", Specs.small("xor", 1), new Gate());
            assertThat(c.placeInLine()).isEqualTo(2); // the queue is full now

            now.addAndGet(30_000);
            c.heardAt(now.get()); // c's page is still open; b's tab was closed without a word
            now.addAndGet(31_000); // b silent for 61 s, c for 31 s

            TrainingJob d = jobs.submit("s4", "d", Specs.small("xor", 1), new Gate());
            assertThat(b.state()).isEqualTo(TrainingJob.State.CANCELLED);
            assertThat(c.placeInLine()).isEqualTo(1);
            assertThat(d.placeInLine()).isEqualTo(2);
            assertThat(jobs.waiting()).containsExactly(c, d);
            assertThat(jobs.cancelledCount()).isEqualTo(1);
            assertThat(silent.threads).isEmpty(); // it never trained
            a.release.countDown();
        }
    }

    @Test
    void a_silent_waiting_job_is_cancelled_by_the_timer_even_when_nothing_is_submitted_or_started() throws Exception {
        AtomicLong now = new AtomicLong(1_000_000);
        // one thread, a 2 s heartbeat timeout: the timer sweeps every 0.5 s
        assertThat(TrainingJobs.sweepPeriodMillis(2_000)).isEqualTo(500);
        try (TrainingJobs jobs = new TrainingJobs(1, 5, 1, 10, Duration.ofSeconds(2), now::get, ModelTrainer::new)) {
            Gate a = new Gate();
            jobs.submit("s1", "a", Specs.small("xor", 1), a);
            assertThat(a.started.await(5, TimeUnit.SECONDS)).isTrue(); // the only thread is busy: b waits
            Gate silent = new Gate();
            TrainingJob b = jobs.submit("s2", "b", Specs.small("xor", 1), silent);
            assertThat(b.state()).isEqualTo(TrainingJob.State.QUEUED);
            Thread.sleep(1_200); // two sweeps while b has been silent for less than the timeout: it keeps its place
            assertThat(b.state()).isEqualTo(TrainingJob.State.QUEUED);

            now.addAndGet(2_001); // b's tab went away 2.001 s ago; no one submits, and a still trains
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (b.state() != TrainingJob.State.CANCELLED && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(b.state()).isEqualTo(TrainingJob.State.CANCELLED);
            assertThat(jobs.waiting()).isEmpty();
            assertThat(jobs.queued()).isZero();
            assertThat(silent.threads).isEmpty(); // it never trained
            a.release.countDown();
        }
    }

    @Test
    void one_address_may_submit_only_so_many_jobs_a_minute_even_if_it_cancels_each_at_once() throws Exception {
        AtomicLong now = new AtomicLong(1_000_000);
        // 3 submissions a minute per address; the other caps are far away (10 per address, 1 per session)
        try (TrainingJobs jobs = new TrainingJobs(
                1, 10, 1, 10, 3, Duration.ofMinutes(5), TrainingJobs.NO_DEADLINE, now::get, ModelTrainer::new)) {
            Gate a = new Gate();
            jobs.submit("s0", "10.0.0.9", Specs.small("xor", 1), a);
            assertThat(a.started.await(5, TimeUnit.SECONDS)).isTrue();
            jobs.submit("s1", "10.0.0.9", Specs.small("xor", 1), new Gate()).cancel();
            jobs.submit("s2", "10.0.0.9", Specs.small("xor", 1), new Gate()).cancel();
            assertThat(jobs.queued()).isZero(); // never more than one unfinished job: only the rate stops it

            assertThatThrownBy(() -> jobs.submit("s3", "10.0.0.9", Specs.small("xor", 1), new Gate()))
                    .isInstanceOf(TrainingRejectedException.class)
                    .hasMessageContaining("at most 3 a minute per address")
                    .satisfies(e -> assertThat(((TrainingRejectedException) e).reason())
                            .isEqualTo(TrainingRejectedException.Reason.RATE_LIMIT))
                    .satisfies(e ->
                            assertThat(((TrainingRejectedException) e).limit()).isEqualTo(3));
            assertThat(jobs.submit("s4", "10.0.0.10", Specs.small("xor", 1), new Gate())
                            .state())
                    .as("another address is not held back")
                    .isEqualTo(TrainingJob.State.QUEUED);

            // 3 a minute, refilled gradually: the next submission is allowed 20 s after the bucket ran dry
            now.addAndGet(19_000);
            assertThatThrownBy(() -> jobs.submit("s5", "10.0.0.9", Specs.small("xor", 1), new Gate()))
                    .isInstanceOf(TrainingRejectedException.class);
            now.addAndGet(2_000);
            assertThat(jobs.submit("s6", "10.0.0.9", Specs.small("xor", 1), new Gate())
                            .state())
                    .isEqualTo(TrainingJob.State.QUEUED);
            assertThatThrownBy(() -> jobs.submit("s7", "10.0.0.9", Specs.small("xor", 1), new Gate()))
                    .isInstanceOf(TrainingRejectedException.class);
            a.release.countDown();
        }
    }

    @Test
    void by_default_one_address_may_hold_at_most_a_quarter_of_the_waiting_places() {
        assertThat(TrainingService.defaultMaxPerAddress(60)).isEqualTo(15); // the default queue: 15, not half of it
        assertThat(TrainingService.defaultMaxPerAddress(10)).isEqualTo(2); // the demo's queue: 10 / 4, rounded down
        assertThat(TrainingService.defaultMaxPerAddress(3)).isEqualTo(1); // never 0: every address may train
    }
}
