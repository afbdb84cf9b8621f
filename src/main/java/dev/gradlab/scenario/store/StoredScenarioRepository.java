package dev.gradlab.scenario.store;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface StoredScenarioRepository extends JpaRepository<StoredScenario, Long> {

    Optional<StoredScenario> findBySlug(String slug);

    List<StoredScenario> findByOwnerOrderByUpdatedDesc(String owner);

    List<StoredScenario> findByVisibilityOrderByUpdatedDesc(Visibility visibility);

    long countByOwner(String owner);

    boolean existsBySlug(String slug);
}
