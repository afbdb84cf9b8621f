package dev.gradlab.classroom;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code class_questions}. {@code correct} is the engine's value for a number question (Java's shortest
 * round-trip text of the double) and the 0-based option index for a choice or bug question.
 */
@Entity
@Table(name = "class_questions")
class QuestionRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "class_id", nullable = false)
    long classId;

    @Column(nullable = false, length = 16)
    String kind = "";

    @Column(nullable = false)
    int step;

    @Column(length = 32)
    @Nullable
    String strategy;

    @Column(length = 64)
    @Nullable
    String param;

    @Column(name = "idx")
    @Nullable
    Integer index;

    @Column(length = 64)
    @Nullable
    String builtin;

    @Column(columnDefinition = "TEXT")
    @Nullable
    String prompt;

    /** The options of a choice question posed by hand, one per line. */
    @Column(columnDefinition = "TEXT")
    @Nullable
    String options;

    @Column(nullable = false, length = 200)
    String correct = "";

    @Column(nullable = false)
    Instant posed = Instant.EPOCH;

    @Column(nullable = false)
    boolean revealed;

    protected QuestionRow() {}

    QuestionRow(long classId, QuestionKind kind, int step, String correct, Instant now) {
        this.classId = classId;
        this.kind = kind.wireName();
        this.step = step;
        this.correct = correct;
        this.posed = now;
    }

    long id() {
        return java.util.Objects.requireNonNull(id, "an unsaved question has no id");
    }
}
