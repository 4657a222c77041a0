package org.uclg.learning.people;

import io.micronaut.core.annotation.Nullable;

/**
 * An account created for someone else (a bulk import): no password until they set one through a
 * reset link. Values are expected to be validated by the caller; they are normalised here.
 */
public record InvitedAccount(String email, String fullName, String preferredLanguage, String country,
                             RegionalSection regionalSection, @Nullable String organization) {
}
