package org.uclg.learning.certificates;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code learning.certificates.*}: {@code signing-key} is the issuer's Ed25519 private key as a JWK
 * (a dev key is generated when unset); {@code verify-per-minute} caps verification requests per
 * client address.
 */
@ConfigurationProperties("learning.certificates")
public record CertificatesProperties(@Nullable String signingKey,
                              @Bindable(defaultValue = "60") int verifyPerMinute) {
}
