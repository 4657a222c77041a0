package org.uclg.learning.people;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PostConstruct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;

/** Creates the first admin at start-up from LEARNING_ADMIN_EMAIL / LEARNING_ADMIN_PASSWORD. */
@Context
@Requires(property = "learning.admin.bootstrap", notEquals = "false")
class AdminBootstrap {
    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final PeopleApi people;
    private final String email;
    private final String password;

    AdminBootstrap(PeopleApi people,
                   @Value("${learning.admin.email:admin@learning.local}") String email,
                   @Value("${learning.admin.password:}") String password) {
        this.people = people;
        this.email = email;
        this.password = password;
    }

    @PostConstruct
    void createFirstAdmin() {
        boolean generated = password == null || password.isBlank();
        String secret = generated ? randomPassword() : password;
        if (people.ensureAdmin(email, secret)) {
            if (generated) {
                // printed once: the account exists from now on and this password is not stored anywhere else
                LOG.warn("Created the first admin {} with the generated password {} (set LEARNING_ADMIN_PASSWORD to choose one)",
                        email, secret);
            } else {
                LOG.info("Created the first admin {}", email);
            }
        }
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
