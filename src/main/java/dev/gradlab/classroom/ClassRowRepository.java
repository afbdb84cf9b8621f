package dev.gradlab.classroom;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ClassRowRepository extends JpaRepository<ClassRow, Long> {

    Optional<ClassRow> findByCode(String code);

    /** The class row locked until the transaction ends: joins of one class are counted one at a time. */
    @Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from ClassRow c where c.code = :code")
    Optional<ClassRow> lockByCode(String code);

    boolean existsByCode(String code);

    List<ClassRow> findByOwnerOrderByCreatedDesc(String owner);

    /** Ended, or past their end time, before {@code cutoff}; the database cascades to students, questions, answers. */
    @Modifying
    @Query("delete from ClassRow c where (c.ended = true and c.endedAt < :cutoff) or c.endsAt < :cutoff")
    int deleteOver(Instant cutoff);
}
