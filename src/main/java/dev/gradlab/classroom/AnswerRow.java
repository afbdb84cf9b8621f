package dev.gradlab.classroom;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One row of {@code class_answers}: at most one per student and question (a unique constraint). */
@Entity
@Table(name = "class_answers")
class AnswerRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "question_id", nullable = false)
    long questionId;

    @Column(name = "student_id", nullable = false)
    long studentId;

    @Column(nullable = false, length = 200)
    String answer = "";

    @Column(nullable = false)
    boolean correct;

    @Column(nullable = false)
    Instant answered = Instant.EPOCH;

    protected AnswerRow() {}

    AnswerRow(long questionId, long studentId, String answer, boolean correct, Instant now) {
        this.questionId = questionId;
        this.studentId = studentId;
        this.answer = answer;
        this.correct = correct;
        this.answered = now;
    }
}
