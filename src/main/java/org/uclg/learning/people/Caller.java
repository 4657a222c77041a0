package org.uclg.learning.people;

import java.security.Principal;
import java.util.UUID;

/**
 * The signed-in caller of a request, bound from the bearer token (auth/CallerBinder): a
 * controller takes {@code Caller caller} (or {@code @Nullable Caller} where anonymous calls are
 * allowed) instead of parsing the token's subject itself. A {@link Principal}, so the OpenAPI
 * document leaves it out like the framework's own principal arguments.
 */
public record Caller(UUID id) implements Principal {
    @Override
    public String getName() {
        return id.toString();
    }
}
