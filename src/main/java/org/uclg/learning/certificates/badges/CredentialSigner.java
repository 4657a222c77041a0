package org.uclg.learning.certificates.badges;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.uclg.learning.certificates.CertificatesProperties;
import org.uclg.learning.shared.PublicUrl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.text.ParseException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;

/**
 * Signs credentials as compact JWS with Ed25519 (alg EdDSA). The key is a JWK from
 * {@code learning.certificates.signing-key}, read and published with Nimbus JOSE. Its id ({@code kid})
 * is the URL that serves the public key, {@code {public-url}/api/v1/issuer/keys/{RFC 7638 thumbprint}}:
 * Open Badges 3.0 wants a {@code kid} that dereferences to the JWK, and a plain JOSE library looks the
 * same string up in {@code /.well-known/jwks.json}, where the key carries it too. The signature itself
 * is the JDK's own Ed25519, so no extra crypto library is needed. Without a key one is generated per process: fine for a developer, wrong for production
 * (credentials would stop verifying after a restart).
 */
@Singleton
class CredentialSigner {
    private static final Logger LOG = LoggerFactory.getLogger(CredentialSigner.class);
    /** DER prefix of an Ed25519 private key (RFC 8410) in front of the 32 raw bytes a JWK carries as {@code d}. */
    static final String KEYS_PATH = "/api/v1/issuer/keys/";
    private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");

    private final JsonMapper json;
    private final PrivateKey privateKey;
    private final OctetKeyPair publicJwk;
    private final String thumbprint;

    CredentialSigner(CertificatesProperties properties, JsonMapper json, PublicUrl publicUrl) {
        this.json = json;
        try {
            OctetKeyPair key = load(properties.signingKey());
            this.thumbprint = key.computeThumbprint().toString();
            String kid = publicUrl.base() + KEYS_PATH + thumbprint;
            this.publicJwk = new OctetKeyPair.Builder(key.toPublicJWK()).keyID(kid).algorithm(JWSAlgorithm.EdDSA)
                    .keyUse(KeyUse.SIGNATURE).build();
            byte[] pkcs8 = Arrays.copyOf(PKCS8_PREFIX, PKCS8_PREFIX.length + 32);
            System.arraycopy(key.getDecodedD(), 0, pkcs8, PKCS8_PREFIX.length, 32);
            this.privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException | com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException("cannot load the credential signing key", e);
        }
    }

    private static OctetKeyPair load(String configured) throws GeneralSecurityException {
        if (configured == null || configured.isBlank()) {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            byte[] pkcs8 = pair.getPrivate().getEncoded();
            byte[] spki = pair.getPublic().getEncoded();
            LOG.warn("learning.certificates.signing-key is not set: signing credentials with a key generated for this "
                    + "process; they will not verify after a restart. Set LEARNING_CERTIFICATES_SIGNING_KEY to an Ed25519 JWK.");
            return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(Arrays.copyOfRange(spki, spki.length - 32, spki.length)))
                    .d(Base64URL.encode(Arrays.copyOfRange(pkcs8, pkcs8.length - 32, pkcs8.length))).build();
        }
        try {
            if (JWK.parse(configured) instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve()) && okp.isPrivate()) {
                return okp;
            }
        } catch (ParseException e) {
            throw new IllegalStateException("learning.certificates.signing-key is not a JWK: " + e.getMessage(), e);
        }
        throw new IllegalStateException("learning.certificates.signing-key must be an Ed25519 private JWK (kty OKP, crv Ed25519, d, x)");
    }

    /** The key's id: the URL that serves its public half. */
    String kid() {
        return publicJwk.getKeyID();
    }

    /** The RFC 7638 thumbprint, the last segment of {@link #kid()}. */
    String thumbprint() {
        return thumbprint;
    }

    String publicJwkJson() {
        return publicJwk.toJSONString();
    }

    /** The public half, as published for verifiers. */
    Map<String, Object> publicJwk() {
        return publicJwk.toJSONObject();
    }

    /**
     * A VC-JWT: header {alg EdDSA, typ JWT, kid} and nothing else (Open Badges 3.0 allows no other
     * header and wants typ, when present, to be "JWT"); payload the credential with its JWT claims.
     */
    String sign(Map<String, Object> payload) {
        try {
            JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.EdDSA).type(JOSEObjectType.JWT).keyID(kid()).build();
            JWSObject unsigned = new JWSObject(header, new Payload(json.writeValueAsBytes(payload)));
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update(unsigned.getSigningInput());
            return new JWSObject(header.toBase64URL(), unsigned.getPayload().toBase64URL(), Base64URL.encode(signature.sign())).serialize();
        } catch (GeneralSecurityException | ParseException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
