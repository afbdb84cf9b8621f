package dev.gradlab.api;

import dev.gradlab.account.AccountSummary;
import dev.gradlab.account.Accounts;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/users}: the admin creates an instructor (the role rule is in {@link ApiSecurity}). */
@RestController
@RequestMapping("/api/users")
class UserApi {

    private final Accounts accounts;

    UserApi(Accounts accounts) {
        this.accounts = accounts;
    }

    record NewUser(@Nullable String username, @Nullable String password) {}

    record CreatedUser(String username, String role) {}

    @PostMapping
    ResponseEntity<CreatedUser> create(@RequestBody NewUser body) {
        if (body.username() == null || body.password() == null) {
            throw new ApiError(HttpStatus.BAD_REQUEST, "send {\"username\": \"...\", \"password\": \"...\"}");
        }
        AccountSummary created = accounts.createInstructor(body.username(), body.password());
        return ResponseEntity.created(URI.create("/api/users/" + created.username()))
                .body(new CreatedUser(created.username(), created.role().name().toLowerCase(java.util.Locale.ROOT)));
    }
}
