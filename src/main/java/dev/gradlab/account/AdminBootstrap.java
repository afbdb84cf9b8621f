package dev.gradlab.account;

import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * On a start with no accounts at all, creates {@code admin} with {@code gradlab.admin-password}
 * ({@code GRADLAB_ADMIN_PASSWORD}), or with a random password printed once to the log. Runs once every bean exists
 * and before the web server opens its port, so no request can arrive before the admin does.
 */
@Component
class AdminBootstrap implements SmartInitializingSingleton {

    static final String ADMIN = "admin";
    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final Accounts accounts;
    private final String configured;
    /** The read-only demo writes nothing to the database, not even the admin (sign-in is off there anyway). */
    private final boolean demo;

    AdminBootstrap(
            Accounts accounts,
            @Value("${gradlab.admin-password:}") String configured,
            @Value("${gradlab.demo:false}") boolean demo) {
        this.accounts = accounts;
        this.configured = configured;
        this.demo = demo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (demo || !accounts.isEmpty()) {
            return;
        }
        if (!configured.isEmpty()) {
            accounts.create(ADMIN, configured, Role.ADMIN);
            LOG.info("created user 'admin' with the password from GRADLAB_ADMIN_PASSWORD");
        } else {
            String password = randomPassword();
            accounts.create(ADMIN, password, Role.ADMIN);
            LOG.warn(
                    "created user 'admin' with the one-time password {} (shown only now; change it at /account)",
                    password);
        }
    }

    static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }
}
