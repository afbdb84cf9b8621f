package dev.gradlab.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One row of {@code users}. */
@Entity
@Table(name = "users")
class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(nullable = false, unique = true)
    private String username = "";

    @Column(name = "password_hash", nullable = false)
    private String passwordHash = "";

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role = Role.INSTRUCTOR;

    @Column(nullable = false)
    private Instant created = Instant.EPOCH;

    protected UserAccount() {}

    UserAccount(String username, String passwordHash, Role role, Instant created) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.role = role;
        this.created = created;
    }

    String username() {
        return username;
    }

    String passwordHash() {
        return passwordHash;
    }

    void passwordHash(String hash) {
        this.passwordHash = hash;
    }

    Role role() {
        return role;
    }

    Instant created() {
        return created;
    }
}
