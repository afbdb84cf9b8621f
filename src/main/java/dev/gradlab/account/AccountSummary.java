package dev.gradlab.account;

import java.time.Instant;

/** What the admin view and the API show of an account: never its password hash. */
public record AccountSummary(String username, Role role, Instant created) {}
