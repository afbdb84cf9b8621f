package dev.gradlab.classroom;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface StudentRowRepository extends JpaRepository<StudentRow, Long> {

    Optional<StudentRow> findByToken(String token);

    List<StudentRow> findByClassIdOrderBySeat(long classId);

    long countByClassId(long classId);
}
