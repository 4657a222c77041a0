package org.uclg.learning.people.auth;

import org.uclg.learning.people.PeopleApi;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.uclg.learning.support.IntegrationBase;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Tokens signed with the right key but saying the wrong things are refused like forged ones: 401. */
@MicronautTest(transactional = false)
class TokenClaimsIT extends IntegrationBase {
    @Value("${learning.security.jwt-secret}")
    String secret;

    private String sign(JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    private JWTClaimsSet.Builder claims(String subject) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().subject(subject).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600))).claim("roles", List.of("LEARNER", "ADMIN"))
                .claim(PeopleApi.VERSION_CLAIM, 0);
    }

    @Test
    void aWellFormedTokenIsAcceptedAndOddOnesAre401() throws Exception {
        String id = fx.learner("claims").id();
        assertEquals(200, api.get("/api/v1/me", sign(claims(id).build())).status(), "the control token must work");

        Instant now = Instant.now();
        String future = sign(claims(id).notBeforeTime(Date.from(now.plusSeconds(3600))).build());
        String noExpiry = sign(claims(id).expirationTime(null).build());
        String notUuid = sign(claims("admin").build());
        List<String> names = List.of("future nbf", "no exp", "sub not a uuid");
        List<String> tokens = List.of(future, noExpiry, notUuid);
        List<Integer> statuses = tokens.stream().map(t -> api.get("/api/v1/me", t).status()).toList();
        assertEquals(List.of(401, 401, 401), statuses, names.toString());
        for (String token : tokens) {
            assertEquals(401, api.get("/api/v1/certificates", token).status());
            assertEquals(401, api.post("/api/v1/admin/catalog/sync", "{}", token).status());
        }
    }
}
