package dev.gradlab.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T08:00:00Z"));
    private final SignInThrottle throttle = new SignInThrottle(clock);

    @Test
    void nine_failures_leave_sign_in_open_and_the_tenth_closes_it() {
        for (int i = 0; i < 9; i++) {
            throttle.recordFailure("ann");
        }
        assertThat(throttle.isBlocked("ann")).isFalse();
        throttle.recordFailure("ann");
        assertThat(throttle.isBlocked("ann")).isTrue();
        assertThat(throttle.isBlocked("bob")).as("another username").isFalse();
    }

    @Test
    void the_block_lifts_when_the_oldest_failure_is_fifteen_minutes_old() {
        for (int i = 0; i < 10; i++) {
            throttle.recordFailure("ann");
            clock.advance(Duration.ofMinutes(1));
        }
        // failures at 0..9 min; now 10 min: the first leaves the window at 15 min
        clock.advance(Duration.ofMinutes(4));
        assertThat(throttle.isBlocked("ann")).as("at 14 min").isTrue();
        clock.advance(Duration.ofMinutes(1));
        assertThat(throttle.isBlocked("ann")).as("at 15 min").isFalse();
    }

    @Test
    void failures_spread_over_more_than_the_window_never_block() {
        for (int i = 0; i < 30; i++) {
            throttle.recordFailure("ann");
            clock.advance(Duration.ofMinutes(2));
        }
        assertThat(throttle.isBlocked("ann")).isFalse();
    }

    @Test
    void usernames_differing_only_in_case_share_one_count() {
        for (int i = 0; i < 10; i++) {
            throttle.recordFailure(i % 2 == 0 ? "Ann" : "ann");
        }
        assertThat(throttle.isBlocked("ANN")).isTrue();
    }
}
