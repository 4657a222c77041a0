package org.uclg.learning.certificates.verify;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** The shapes of the issuer profile and the key set that {@link VerifyController} serves, for the OpenAPI document. */
final class IssuerDocuments {
    private IssuerDocuments() {
    }

    @Schema(name = "IssuerProfile", description = "The Open Badges 3.0 Profile of the issuer; its keys are in the JWKS "
            + "and at the URL of each key's kid")
    record Profile(@JsonProperty("@context") List<String> context,
                   String id,
                   List<String> type,
                   String name,
                   String url) {
    }

    @Schema(name = "JsonWebKeySet", description = "RFC 7517 key set")
    record KeySet(List<Jwk> keys) {
    }

    @Schema(name = "JsonWebKey", description = "An OKP public key (Ed25519)")
    record Jwk(String kty, String crv, String x, String kid, String alg, String use) {
    }
}
