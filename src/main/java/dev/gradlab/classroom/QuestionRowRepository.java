package dev.gradlab.classroom;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface QuestionRowRepository extends JpaRepository<QuestionRow, Long> {

    List<QuestionRow> findByClassIdOrderById(long classId);
}
