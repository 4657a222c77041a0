package org.uclg.learning.people.auth;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * {@code learning.security.*}: the JWT signing secret (a random one per process when unset, fine
 * for one developer, wrong for several instances), token lifetime, how long an account's roles and
 * token version are cached, the progressive login delay, how long a claim or reset token lives, and
 * how many password resets an email address and a client address may ask for per hour.
 */
@ConfigurationProperties("learning.security")
public record SecurityProperties(@Nullable String jwtSecret,
                                 @Bindable(defaultValue = "3600") int tokenSeconds,
                                 @Bindable(defaultValue = "5s") Duration accessCache,
                                 @Bindable(defaultValue = "5") int loginFreeFailures,
                                 @Bindable(defaultValue = "1s") Duration loginDelay,
                                 @Bindable(defaultValue = "15m") Duration loginMaxDelay,
                                 @Bindable(defaultValue = "14d") Duration claimTokenTtl,
                                 @Bindable(defaultValue = "1h") Duration resetTokenTtl,
                                 @Bindable(defaultValue = "3") int resetsPerAddressPerHour,
                                 @Bindable(defaultValue = "20") int resetsPerClientPerHour) {
}
