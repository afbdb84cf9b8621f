package dev.gradlab.classroom;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One row of {@code class_students}: a student known only by a random token their browser keeps. */
@Entity
@Table(name = "class_students")
class StudentRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "class_id", nullable = false)
    long classId;

    @Column(nullable = false, unique = true, length = 64)
    String token = "";

    @Column(length = 40)
    @Nullable
    String nickname;

    /** 1, 2, 3 … in the order of joining: the anonymous name in the CSV. */
    @Column(nullable = false)
    int seat;

    /** The student's own step (student-paced classes). */
    @Column(nullable = false)
    int step;

    @Column(nullable = false)
    Instant joined = Instant.EPOCH;

    protected StudentRow() {}

    StudentRow(long classId, String token, @Nullable String nickname, int seat, Instant now) {
        this.classId = classId;
        this.token = token;
        this.nickname = nickname;
        this.seat = seat;
        this.step = 0;
        this.joined = now;
    }

    long id() {
        return java.util.Objects.requireNonNull(id, "an unsaved student has no id");
    }
}
