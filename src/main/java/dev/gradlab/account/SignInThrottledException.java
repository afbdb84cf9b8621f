package dev.gradlab.account;

import org.springframework.security.core.AuthenticationException;

/** Sign-in refused by {@link SignInThrottle}: the API answers 429, the sign-in page says to wait. */
public final class SignInThrottledException extends AuthenticationException {

    public static final String MESSAGE =
            "too many failed sign-ins for this user: wait up to 15 minutes, then try again";

    SignInThrottledException() {
        super(MESSAGE);
    }
}
