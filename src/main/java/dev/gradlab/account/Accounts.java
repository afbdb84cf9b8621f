package dev.gradlab.account;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating accounts and changing passwords. Callers (views, API) have already checked the actor's role with Spring
 * Security; the rules on names and passwords live here, once.
 */
@Service
public class Accounts {

    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    static final int MIN_PASSWORD = 8;
    static final int MAX_PASSWORD = 72; // bcrypt reads at most 72 bytes

    private final UserAccountRepository users;
    private final PasswordEncoder encoder;
    private final Clock clock;

    Accounts(UserAccountRepository users, PasswordEncoder encoder, Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.clock = clock;
    }

    /** Creates an instructor; only the admin may call this (checked by the caller's security rule). */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public AccountSummary createInstructor(String username, String password) {
        return create(username, password, Role.INSTRUCTOR);
    }

    @Transactional
    AccountSummary create(String username, String password, Role role) {
        if (!USERNAME.matcher(username).matches()) {
            throw new AccountException(
                    AccountException.Reason.INVALID,
                    "username '" + oneLine(username)
                            + "' must be 2 to 64 characters from a-z, 0-9, '.', '_' and '-', starting with a letter or digit");
        }
        checkPassword(password);
        if (users.existsByUsername(username)) {
            throw new AccountException(AccountException.Reason.DUPLICATE, "user '" + username + "' already exists");
        }
        UserAccount saved =
                users.saveAndFlush(new UserAccount(username, encoder.encode(password), role, clock.instant()));
        return summary(saved);
    }

    /** Changes {@code username}'s own password after checking the current one. */
    @Transactional
    @PreAuthorize("isAuthenticated() and authentication.name == #username")
    public void changePassword(String username, String currentPassword, String newPassword) {
        UserAccount account = users.findByUsername(username)
                .orElseThrow(() -> new AccountException(
                        AccountException.Reason.NO_SUCH_USER, "no user '" + oneLine(username) + "'"));
        if (!encoder.matches(currentPassword, account.passwordHash())) {
            throw new AccountException(AccountException.Reason.WRONG_PASSWORD, "the current password is wrong");
        }
        checkPassword(newPassword);
        account.passwordHash(encoder.encode(newPassword));
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public List<AccountSummary> list() {
        return users.findAllByOrderByUsernameAsc().stream()
                .map(Accounts::summary)
                .toList();
    }

    @Transactional(readOnly = true)
    public boolean isEmpty() {
        return users.count() == 0;
    }

    @Transactional(readOnly = true)
    Optional<UserDetails> userDetails(String username) {
        return users.findByUsername(username)
                .map(u -> User.withUsername(u.username())
                        .password(u.passwordHash())
                        .authorities(
                                new SimpleGrantedAuthority("ROLE_" + u.role().name()))
                        .build());
    }

    private static void checkPassword(String password) {
        if (password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw new AccountException(
                    AccountException.Reason.INVALID,
                    "a password must be " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters long");
        }
    }

    private static AccountSummary summary(UserAccount u) {
        return new AccountSummary(u.username(), u.role(), u.created());
    }

    private static String oneLine(String s) {
        String flat = s.replaceAll("[\\r\\n\\t]", " ");
        return flat.length() > 64 ? flat.substring(0, 64) + "…" : flat;
    }
}
