package dev.gradlab.classroom;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AnswerRowRepository extends JpaRepository<AnswerRow, Long> {

    List<AnswerRow> findByQuestionIdIn(Collection<Long> questionIds);

    /** One student's answers to these questions (the unique index on question and student serves it). */
    List<AnswerRow> findByStudentIdAndQuestionIdIn(long studentId, Collection<Long> questionIds);

    boolean existsByQuestionIdAndStudentId(long questionId, long studentId);
}
