package org.uclg.learning.shared;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/** The public address of the service ({@code learning.public-url}): verification links, QR codes, xAPI and credential ids. */
@Singleton
public class PublicUrl {
    private final String base;

    PublicUrl(@Value("${learning.public-url:`http://localhost:8080`}") String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** Without a trailing slash, e.g. {@code https://learning.uclg.org}. */
    public String base() {
        return base;
    }
}
