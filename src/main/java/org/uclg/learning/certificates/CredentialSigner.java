package org.uclg.learning.certificates;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signs credentials as compact JWS with Ed25519 (alg EdDSA), using the JDK's own Ed25519. The key
 * is a JWK from {@code learning.certificates.signing-key}; without one a key is generated per
 * process, fine for a developer, wrong for production (credentials would stop verifying).
 */
@Singleton
class CredentialSigner {
    private static final Logger LOG = LoggerFactory.getLogger(CredentialSigner.class);
    /** DER prefixes of Ed25519 keys (RFC 8410) in front of the 32 raw bytes a JWK carries. */
    private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final JsonMapper json;
    private final PrivateKey privateKey;
    private final String x;
    private final String kid;

    CredentialSigner(CertificatesProperties properties, JsonMapper json) {
        this.json = json;
        try {
            String jwk = properties.signingKey();
            byte[] d;
            byte[] publicRaw;
            if (jwk == null || jwk.isBlank()) {
                KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                byte[] pkcs8 = pair.getPrivate().getEncoded();
                d = Arrays.copyOfRange(pkcs8, pkcs8.length - 32, pkcs8.length);
                byte[] spki = pair.getPublic().getEncoded();
                publicRaw = Arrays.copyOfRange(spki, spki.length - 32, spki.length);
                LOG.warn("learning.certificates.signing-key is not set: signing credentials with a key generated for this "
                        + "process; they will not verify after a restart. Set LEARNING_CERTIFICATES_SIGNING_KEY to an Ed25519 JWK.");
            } else {
                Map<String, Object> key = json.readValue(jwk, io.micronaut.core.type.Argument.mapOf(String.class, Object.class));
                if (!"OKP".equals(key.get("kty")) || !"Ed25519".equals(key.get("crv")) || key.get("d") == null || key.get("x") == null) {
                    throw new IllegalStateException("learning.certificates.signing-key must be an Ed25519 private JWK (kty OKP, crv Ed25519, d, x)");
                }
                d = B64D.decode((String) key.get("d"));
                publicRaw = B64D.decode((String) key.get("x"));
            }
            byte[] pkcs8 = Arrays.copyOf(PKCS8_PREFIX, PKCS8_PREFIX.length + 32);
            System.arraycopy(d, 0, pkcs8, PKCS8_PREFIX.length, 32);
            this.privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            this.x = B64.encodeToString(publicRaw);
            // RFC 7638 thumbprint: the required members in lexicographic order, no spaces
            String thumbprintInput = "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" + x + "\"}";
            this.kid = B64.encodeToString(MessageDigest.getInstance("SHA-256").digest(thumbprintInput.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the credential signing key", e);
        } catch (IOException e) {
            throw new UncheckedIOException("learning.certificates.signing-key is not valid JSON", e);
        }
    }

    String kid() {
        return kid;
    }

    /** The public half, as published for verifiers. */
    Map<String, Object> publicJwk() {
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "OKP");
        jwk.put("crv", "Ed25519");
        jwk.put("x", x);
        jwk.put("kid", kid);
        jwk.put("alg", "EdDSA");
        jwk.put("use", "sig");
        return jwk;
    }

    /** A VC-JWT: header {alg EdDSA, typ vc+jwt, kid}, payload the credential. */
    String sign(Map<String, Object> credential, String keyId) {
        try {
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("alg", "EdDSA");
            header.put("typ", "vc+jwt");
            header.put("kid", keyId);
            String signingInput = B64.encodeToString(json.writeValueAsBytes(header)) + "." + B64.encodeToString(json.writeValueAsBytes(credential));
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
