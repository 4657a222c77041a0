package org.uclg.learning.people.auth;

import jakarta.inject.Singleton;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/** Argon2id, with the parameters Spring Security recommends (16 MiB, 2 iterations). */
@Singleton
public final class PasswordHasher {
    private final Argon2PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    /** Compared against when the account does not exist, so timing does not reveal which emails are registered. */
    private final String decoy = encoder.encode("decoy password that matches nothing");

    public String hash(String password) {
        return encoder.encode(password);
    }

    public boolean matches(String password, String hash) {
        if (hash == null) {
            encoder.matches(password, decoy);
            return false;
        }
        return encoder.matches(password, hash);
    }
}
