package dev.gradlab.classroom.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two buses on one PostgreSQL database stand for two replicas of the app. Each test uses class codes of its own, so
 * other users of the database's channel (another test's app context) cannot disturb it.
 */
@ExtendWith(PostgresConfigured.class)
class PostgresClassEventsTest {

    private final String run = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    private final String code = "C" + run;
    private final String otherCode = "D" + run;
    private PostgresClassEvents a;
    private PostgresClassEvents b;

    @BeforeEach
    void twoReplicas() throws Exception {
        a = replica("bus-test-a-" + run);
        b = replica("bus-test-b-" + run);
        awaitListening(a, 1);
        awaitListening(b, 1);
    }

    @AfterEach
    void close() {
        a.close();
        b.close();
    }

    @Test
    void an_event_published_on_one_replica_arrives_on_the_other_within_a_second_and_on_itself() throws Exception {
        Inbox onA = new Inbox();
        Inbox onB = new Inbox();
        a.subscribe(code, onA);
        b.subscribe(code, onB);

        long start = System.nanoTime();
        a.publish(code, "{\"step\": 7, \"text\": \"θ → 0.5, ünïcödé\"}");

        assertThat(onB.next(1000)).isEqualTo("{\"step\": 7, \"text\": \"θ → 0.5, ünïcödé\"}");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1000);
        assertThat(onA.next(1000)).isEqualTo("{\"step\": 7, \"text\": \"θ → 0.5, ünïcödé\"}");
        assertThat(onA.drain(300)).as("delivered once, not twice").isEmpty();
    }

    @Test
    void subscribers_of_another_class_get_nothing_and_the_longest_payload_arrives_whole() throws Exception {
        Inbox mine = new Inbox();
        Inbox other = new Inbox();
        b.subscribe(code, mine);
        b.subscribe(otherCode, other);
        String longest = "界".repeat(1000); // 3000 bytes in UTF-8, within PostgreSQL's 8000

        a.publish(code, longest);

        assertThat(mine.next(1000)).isEqualTo(longest);
        assertThat(other.drain(300)).isEmpty();
    }

    @Test
    void an_event_published_in_a_rolled_back_transaction_is_never_delivered_and_a_committed_one_after_the_commit()
            throws Exception {
        Inbox onB = new Inbox();
        b.subscribe(code, onB);
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(PostgresConfigured.URL);
        ds.setUser(PostgresConfigured.USER);
        ds.setPassword(PostgresConfigured.PASSWORD);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));

        tx.executeWithoutResult(status -> {
            a.publish(code, "rolled back");
            status.setRollbackOnly();
        });
        List<String> beforeCommit = new ArrayList<>();
        tx.executeWithoutResult(status -> {
            a.publish(code, "committed");
            try {
                beforeCommit.addAll(onB.drain(500));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(beforeCommit).isEmpty();
        assertThat(onB.next(1000)).isEqualTo("committed");
        assertThat(onB.drain(500)).isEmpty();
    }

    @Test
    void events_flow_again_after_the_replicas_database_connections_are_terminated() throws Exception {
        Inbox onA = new Inbox();
        Inbox onB = new Inbox();
        a.subscribe(code, onA);
        b.subscribe(code, onB);
        a.publish(code, "before");
        assertThat(onB.next(1000)).isEqualTo("before");
        assertThat(onA.next(1000)).isEqualTo("before");
        int oldPid = a.listeningPid();

        // both of A's connections: the one that listens and the one that sends
        assertThat(terminate("bus-test-a-" + run)).isEqualTo(2);
        awaitListening(a, 2);
        assertThat(a.listeningPid()).isNotEqualTo(oldPid);

        a.publish(code, "after");
        assertThat(onB.next(1000)).as("sent on a new connection").isEqualTo("after");
        assertThat(onA.next(1000)).as("heard on a new connection").isEqualTo("after");
        assertThat(a.sendFailures()).isZero();
    }

    private static PostgresClassEvents replica(String applicationName) {
        Properties login = new Properties();
        login.setProperty("user", Objects.requireNonNull(PostgresConfigured.USER));
        login.setProperty("password", Objects.requireNonNull(PostgresConfigured.PASSWORD));
        login.setProperty("ApplicationName", applicationName);
        return new PostgresClassEvents(() -> DriverManager.getConnection(PostgresConfigured.URL, login));
    }

    private static void awaitListening(PostgresClassEvents bus, long connects) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while ((bus.connects() < connects || bus.listeningPid() < 0) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(bus.connects()).isEqualTo(connects);
        assertThat(bus.listeningPid()).isPositive();
    }

    private static int terminate(String applicationName) throws SQLException {
        try (Connection c = DriverManager.getConnection(
                        PostgresConfigured.URL, PostgresConfigured.USER, PostgresConfigured.PASSWORD);
                PreparedStatement s = c.prepareStatement(
                        "SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                                + " WHERE application_name = ?) t")) {
            s.setString(1, applicationName);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }
}
