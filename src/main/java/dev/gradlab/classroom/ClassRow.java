package dev.gradlab.classroom;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One row of {@code classes}: the code, the scenario's text as it was at the start, the owner, pace and step. */
@Entity
@Table(name = "classes")
class ClassRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(nullable = false, unique = true, length = 6)
    String code = "";

    @Column(nullable = false, length = 64)
    String scenario = "";

    @Column(nullable = false, columnDefinition = "TEXT")
    String source = "";

    @Column(nullable = false, length = 64)
    String owner = "";

    @Column(nullable = false, length = 16)
    String pace = "";

    @Column(name = "current_step", nullable = false)
    int currentStep;

    @Column(nullable = false)
    Instant created = Instant.EPOCH;

    @Column(name = "ends_at", nullable = false)
    Instant endsAt = Instant.EPOCH;

    @Column(nullable = false)
    boolean ended;

    @Column(name = "ended_at")
    @Nullable
    Instant endedAt;

    protected ClassRow() {}

    ClassRow(String code, String scenario, String source, String owner, Pace pace, Instant now, Instant endsAt) {
        this.code = code;
        this.scenario = scenario;
        this.source = source;
        this.owner = owner;
        this.pace = pace.wireName();
        this.currentStep = 0;
        this.created = now;
        this.endsAt = endsAt;
    }

    long id() {
        return java.util.Objects.requireNonNull(id, "an unsaved class has no id");
    }

    Pace paceValue() {
        return Pace.parse(pace);
    }

    /** Ended by the instructor, or past its last hour. */
    boolean over(Instant now) {
        return ended || !now.isBefore(endsAt);
    }
}
