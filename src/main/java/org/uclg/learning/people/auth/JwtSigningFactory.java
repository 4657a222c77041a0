package org.uclg.learning.people.auth;

import com.nimbusds.jose.JWSAlgorithm;
import io.micronaut.context.annotation.Factory;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

@Factory
class JwtSigningFactory {
    private static final Logger LOG = LoggerFactory.getLogger(JwtSigningFactory.class);

    @Singleton
    @Named("generator")
    SignatureGeneratorConfiguration signature(SecurityProperties properties) {
        String secret = properties.jwtSecret();
        if (secret == null || secret.isBlank()) {
            byte[] random = new byte[48];
            new SecureRandom().nextBytes(random);
            secret = Base64.getEncoder().encodeToString(random);
            LOG.warn("LEARNING_SECURITY_JWT_SECRET is not set: signing tokens with a random secret; "
                    + "tokens die with this process and are not accepted by other instances");
        } else if (secret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalStateException("learning.security.jwt-secret must be at least 32 bytes long");
        }
        SecretSignatureConfiguration config = new SecretSignatureConfiguration("generator");
        config.setSecret(secret);
        config.setJwsAlgorithm(JWSAlgorithm.HS256);
        return new SecretSignature(config);
    }
}
