package org.uclg.learning.people.auth;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code learning.security.*}: the JWT signing secret (a random one per process when unset, fine
 * for one developer, wrong for several instances), token lifetime and login throttling.
 */
@ConfigurationProperties("learning.security")
public record SecurityProperties(@Nullable String jwtSecret,
                          @Bindable(defaultValue = "3600") int tokenSeconds,
                          @Bindable(defaultValue = "5") int loginMaxFailures,
                          @Bindable(defaultValue = "900") int loginLockSeconds) {
}
