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
import org.junit.jupiter.api.Test;

class TrainingJobsTest {

    /** A listener that holds its job at the start until released, and records what it heard. */
    static final class Gate implements TrainingListener {
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
                assertThat(job.awaitFinished(Duration.ofSeconds(60))).as("job %s finished", job).isTrue();
            }
            for (TrainingJob job : all) {
                assertThat(job.state()).isIn(TrainingJob.State.DONE, TrainingJob.State.CANCELLED);
                if (job.state() == TrainingJob.State.DONE) {
                    assertThat(job.result()).isNotNull();
                    assertThat(job.result().runs()).hasSize(2);
                }
                assertThat(finishedCalls.get(job.id())).as("onFinished calls of %s", job).isEqualTo(1);
            }
            assertThat(all.stream().filter(j -> j.state() == TrainingJob.State.DONE).count()).isGreaterThanOrEqualTo(20);
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
                    .satisfies(e -> assertThat(((TrainingRejectedException) e).limit()).isEqualTo(2));
            assertThatThrownBy(() -> jobs.submit("bob", Specs.small("xor", 1), new Gate()))
                    .isInstanceOf(TrainingRejectedException.class)
                    .hasMessageContaining("the training queue is full (1 job waiting for 1 training thread)")
                    .satisfies(e -> assertThat(((TrainingRejectedException) e).reason())
                            .isEqualTo(TrainingRejectedException.Reason.QUEUE_FULL));
            jobs.cancelAll("alice");
            a.release.countDown();
            assertThat(jobs.jobs("alice")).allSatisfy(j -> assertThat(j.isCancelRequested()).isTrue());
        }
    }

    @Test
    void a_job_that_cannot_train_fails_with_the_reason() throws Exception {
        try (TrainingJobs jobs = new TrainingJobs(1, 1, 1)) {
            var spec = new ModelScenario(TestCommons.common(1, 0.1, dev.gradlab.scenario.OptimizerSpec.sgd(), List.of("zeroed")),
                "xor", 80, 0.1, 0.25, null, new int[] {3, 4, 2}, "tanh", 0, 1, 10);
            TrainingJob job = jobs.submit("s", spec, new TrainingListener() {
            });
            assertThat(job.awaitFinished(Duration.ofSeconds(10))).isTrue();
            assertThat(job.state()).isEqualTo(TrainingJob.State.FAILED);
            assertThat(job.failure()).contains("model.layers[0] is 3", "2 features");
        }
    }
}
