package dev.gradlab.classroom.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

class InProcessClassEventsTest {

    private final InProcessClassEvents bus = new InProcessClassEvents();

    @AfterEach
    void close() {
        bus.close();
    }

    @Test
    void an_event_reaches_every_subscriber_of_its_class_on_a_background_thread_and_no_other_class() throws Exception {
        Inbox first = new Inbox();
        Inbox second = new Inbox();
        Inbox otherClass = new Inbox();
        bus.subscribe("ABC234", first);
        bus.subscribe("ABC234", second);
        bus.subscribe("XYZ789", otherClass);

        bus.publish("ABC234", "step 3");

        assertThat(first.next(1000)).isEqualTo("step 3");
        assertThat(second.next(1000)).isEqualTo("step 3");
        assertThat(first.lastThread).isNotEqualTo(Thread.currentThread().getName());
        assertThat(otherClass.drain(200)).isEmpty();
    }

    @Test
    void events_of_a_class_arrive_in_the_order_they_were_published() throws Exception {
        Inbox inbox = new Inbox();
        bus.subscribe("ABC234", inbox);
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            sent.add("step " + i);
            bus.publish("ABC234", "step " + i);
        }
        List<String> got = new ArrayList<>();
        while (got.size() < sent.size()) {
            String e = inbox.next(1000);
            assertThat(e).as("event %d", got.size()).isNotNull();
            got.add(e);
        }
        assertThat(got).isEqualTo(sent);
    }

    @Test
    void a_listener_that_throws_does_not_keep_the_event_from_the_others_and_is_counted() throws Exception {
        Inbox before = new Inbox();
        Inbox after = new Inbox();
        bus.subscribe("ABC234", before);
        bus.subscribe("ABC234", p -> {
            throw new IllegalStateException("a broken page");
        });
        bus.subscribe("ABC234", after);

        bus.publish("ABC234", "reveal q1");

        assertThat(before.next(1000)).isEqualTo("reveal q1");
        assertThat(after.next(1000)).isEqualTo("reveal q1");
        Thread.sleep(200); // the counters are bumped just after each call returns
        assertThat(bus.local().failed()).isEqualTo(1);
        assertThat(bus.local().delivered()).isEqualTo(2);
    }

    @Test
    void a_closed_handle_stops_the_calls_and_the_same_listener_subscribed_twice_keeps_its_other_handle()
            throws Exception {
        Inbox inbox = new Inbox();
        AutoCloseable one = bus.subscribe("ABC234", inbox);
        AutoCloseable two = bus.subscribe("ABC234", inbox);
        bus.publish("ABC234", "a");
        assertThat(inbox.drain(300)).containsExactly("a", "a");

        one.close();
        bus.publish("ABC234", "b");
        assertThat(inbox.drain(300)).containsExactly("b");

        two.close();
        bus.publish("ABC234", "c");
        assertThat(inbox.drain(300)).isEmpty();
        assertThat(bus.local().subscribers()).isZero();
    }

    @Test
    void inside_a_transaction_the_event_waits_for_the_commit_and_a_rollback_drops_it() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:events" + System.nanoTime());
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(h2));
        Inbox inbox = new Inbox();
        bus.subscribe("ABC234", inbox);

        List<String> seenBeforeCommit = new ArrayList<>();
        tx.executeWithoutResult(status -> {
            bus.publish("ABC234", "committed");
            try {
                seenBeforeCommit.addAll(inbox.drain(300));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(seenBeforeCommit).isEmpty();
        assertThat(inbox.next(1000)).isEqualTo("committed");

        tx.executeWithoutResult(status -> {
            bus.publish("ABC234", "rolled back");
            status.setRollbackOnly();
        });
        assertThat(inbox.drain(300)).isEmpty();
    }

    @Test
    void an_event_published_from_another_synchronizations_after_commit_is_still_delivered() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:events" + System.nanoTime());
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(h2));
        Inbox inbox = new Inbox();
        bus.subscribe("ABC234", inbox);

        tx.executeWithoutResult(
                status -> TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        bus.publish("ABC234", "from afterCommit");
                    }
                }));

        assertThat(inbox.next(1000)).isEqualTo("from afterCommit");
    }

    @Test
    void a_payload_over_1000_characters_or_a_code_with_a_space_is_refused_in_one_line() {
        bus.publish("ABC234", "x".repeat(1000));
        assertThatThrownBy(() -> bus.publish("ABC234", "x".repeat(1001)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a class event has at most 1000 characters, not 1001");
        assertThatThrownBy(() -> bus.publish("AB 234", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a class code has 1 to 64 characters and no space, not \"AB 234\"");
    }

    @Test
    void closing_the_bus_ends_its_thread() throws Exception {
        Inbox inbox = new Inbox();
        bus.subscribe("ABC234", inbox);
        bus.publish("ABC234", "end");
        assertThat(inbox.next(1000)).isEqualTo("end");
        assertThat(bus.local().threadRunning()).isTrue();

        bus.close();

        assertThat(bus.local().threadRunning()).isFalse();
        bus.publish("ABC234", "after close"); // neither delivered nor an error
        assertThat(inbox.drain(200)).isEmpty();
        assertThat(bus.local().dropped()).isZero();
    }
}
