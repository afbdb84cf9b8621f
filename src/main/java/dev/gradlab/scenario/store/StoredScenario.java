package dev.gradlab.scenario.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One row of {@code scenarios}: the file text and the columns the lists and access checks need. */
@Entity
@Table(name = "scenarios")
class StoredScenario {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(nullable = false, unique = true, length = 16)
    private String slug = "";

    @Column(name = "scenario_id", nullable = false)
    private String scenarioId = "";

    @Column(name = "title_en", nullable = false)
    private String titleEn = "";

    @Column(name = "title_zh_tw", nullable = false)
    private String titleZhTw = "";

    @Column(nullable = false)
    private String kind = "";

    @Column(nullable = false)
    private String owner = "";

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Visibility visibility = Visibility.PRIVATE;

    @Column(nullable = false, columnDefinition = "TEXT")
    private String source = "";

    @Column(nullable = false)
    private Instant created = Instant.EPOCH;

    @Column(nullable = false)
    private Instant updated = Instant.EPOCH;

    @Version
    private long version;

    protected StoredScenario() {}

    StoredScenario(String slug, String owner, Visibility visibility, Instant now) {
        this.slug = slug;
        this.owner = owner;
        this.visibility = visibility;
        this.created = now;
        this.updated = now;
    }

    void content(String scenarioId, String titleEn, String titleZhTw, String kind, String source, Instant now) {
        this.scenarioId = scenarioId;
        this.titleEn = titleEn;
        this.titleZhTw = titleZhTw;
        this.kind = kind;
        this.source = source;
        this.updated = now;
    }

    void touched(Instant now) {
        this.updated = now;
    }

    void visibility(Visibility visibility) {
        this.visibility = visibility;
    }

    String slug() {
        return slug;
    }

    String owner() {
        return owner;
    }

    Visibility visibility() {
        return visibility;
    }

    long version() {
        return version;
    }

    SavedScenario view() {
        return new SavedScenario(
                slug,
                scenarioId,
                titleEn,
                titleZhTw,
                kind,
                owner,
                visibility,
                version,
                created,
                updated,
                source,
                false);
    }
}
