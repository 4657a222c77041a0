package org.uclg.learning.certificates.badges;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.http.media.MediaType;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.json.JsonArray;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.uclg.learning.support.Api;
import org.uclg.learning.support.Fixtures;
import org.uclg.learning.support.IntegrationBase;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Open Badges 3.0 credential checked as an outside verifier would: the signature with Nimbus
 * JOSE through a plain JWKS lookup (never with the service's own signer), the claims Open Badges
 * requires, the status list decoded by hand, and the JSON-LD expanded by Titanium with the two
 * contexts from test resources (the network is closed), failing on any term a context lacks.
 */
@MicronautTest(transactional = false)
@SuppressWarnings("unchecked")
class CredentialIT extends IntegrationBase {
    private static final Map<String, String> CONTEXTS = Map.of(
            "https://www.w3.org/ns/credentials/v2", "jsonld/credentials-v2.jsonld",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json", "jsonld/ob-context-3.0.3.json");

    private record Issued(Api.Account learner, Map<String, Object> certificate) {
        String id() {
            return (String) certificate.get("id");
        }
    }

    /** A learner completes a module (by the admin) and gets its certificate. */
    private Issued issued(String name) {
        String cohort = (String) fx.createCohort(Fixtures.cohortBody("SDG-1", "SELF_PACED", null, "OPEN", "AFRICA", List.of()), fx.admin()).get("id");
        String email = Api.uniqueEmail("badge");
        Map<String, Object> registration = new LinkedHashMap<>(Api.registration(email, name));
        registration.put("preferredLanguage", "en");
        var registered = api.post("/api/v1/auth/register", registration, null);
        assertEquals(201, registered.status(), registered.body());
        Api.Account learner = new Api.Account((String) registered.json().get("id"), email, api.login(email, "correct horse battery"));
        String enrollment = (String) fx.enroll(cohort, learner.token()).get("id");
        assertEquals(200, api.post("/api/v1/enrollments/" + enrollment + "/complete", Map.of(), fx.admin()).status());
        List<Map<String, Object>> list = Awaitility.await("certificate issued").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> api.get("/api/v1/certificates", learner.token()).jsonList(), l -> !l.isEmpty());
        return new Issued(learner, list.get(0));
    }

    private String credential(Issued c) {
        var r = api.get("/api/v1/certificates/" + c.id() + "/credential", c.learner().token());
        assertEquals(200, r.status(), r.body());
        assertEquals("application/vc+jwt", r.contentType());
        return r.body();
    }

    /**
     * Nimbus: the key found by the token's kid in the service's JWKS (a plain lookup), the Ed25519
     * signature checked with it, then the standard claims check. (Nimbus's DefaultJWTProcessor turns
     * keys into java.security keys, which it cannot do for Ed25519; hence the three steps by hand.)
     */
    private JWTClaimsSet verifyWithJwks(String token, Set<String> requiredClaims) throws Exception {
        JWKSource<SecurityContext> keys = JWKSourceBuilder.create(api.baseUri().resolve("/.well-known/jwks.json").toURL())
                .retrying(false).build();
        SignedJWT jwt = SignedJWT.parse(token);
        JWKMatcher matcher = JWKMatcher.forJWSHeader(jwt.getHeader());
        assertNotNull(matcher, "Nimbus matches keys for " + jwt.getHeader().getAlgorithm());
        List<JWK> found = keys.get(new JWKSelector(matcher), null);
        if (found.size() != 1) {
            throw new BadJOSEException("no single key in the JWKS has the kid " + jwt.getHeader().getKeyID() + ": " + found);
        }
        if (!jwt.verify(new Ed25519Verifier(found.get(0).toOctetKeyPair()))) {
            throw new BadJWSException("the signature does not verify");
        }
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        new DefaultJWTClaimsVerifier<>(null, requiredClaims).verify(claims, null);
        return claims;
    }

    /** The path of one of the service's absolute URLs, on the running test server (the public URL is configured apart). */
    private String local(String url) {
        return URI.create(url).getRawPath();
    }

    @Test
    void aStandardJoseLibraryVerifiesTheCredentialByAPlainJwksLookup() throws Exception {
        Issued c = issued("Мария Иванова");
        String token = credential(c);

        JWTClaimsSet claims = verifyWithJwks(token, Set.of("iss", "sub", "jti", "nbf"));
        JWSObject jws = JWSObject.parse(token);
        assertEquals(Set.of("alg", "kid", "typ"), jws.getHeader().toJSONObject().keySet(), "Open Badges allows no other header");
        assertEquals("JWT", jws.getHeader().getType().toString());

        Map<String, Object> payload = jws.getPayload().toJSONObject();
        Map<String, Object> issuer = (Map<String, Object>) payload.get("issuer");
        Map<String, Object> subject = (Map<String, Object>) payload.get("credentialSubject");
        assertEquals(issuer.get("id"), claims.getIssuer());
        assertTrue(claims.getIssuer().endsWith("/api/v1/issuer"), claims.getIssuer());
        assertEquals(subject.get("id"), claims.getSubject());
        assertEquals("urn:uuid:" + c.learner().id(), claims.getSubject());
        assertEquals(payload.get("id"), claims.getJWTID());
        assertEquals("urn:uuid:" + c.id(), claims.getJWTID());
        String validFrom = (String) payload.get("validFrom");
        assertTrue(validFrom.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), "whole seconds: " + validFrom);
        assertEquals(Instant.parse(validFrom), claims.getNotBeforeTime().toInstant());
        assertEquals(null, claims.getExpirationTime(), "certificates do not expire");
        assertEquals("Мария Иванова", subject.get("name"));
        assertEquals("Localizing the SDGs: an introduction", ((Map<String, Object>) subject.get("achievement")).get("name"));

        // the kid dereferences to the JWK (Open Badges), and that key checks the signature too
        String kid = jws.getHeader().getKeyID();
        var key = api.get(local(kid), null);
        assertEquals(200, key.status(), key.body());
        assertTrue(key.contentType().startsWith("application/jwk+json"), key.contentType());
        OctetKeyPair jwk = (OctetKeyPair) JWK.parse(key.body());
        assertEquals(kid, jwk.getKeyID());
        assertFalse(jwk.isPrivate(), "never the private key");
        assertTrue(jws.verify(new Ed25519Verifier(jwk)));
        assertEquals(404, api.get("/api/v1/issuer/keys/not-a-key", null).status());

        // one changed byte of the payload and the standard check refuses it
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("Мария", "Марии")
                        .getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThrows(BadJOSEException.class, () -> verifyWithJwks(forged, Set.of()));
    }

    @Test
    void aDownloadedCredentialShowsAsRevokedInItsStatusListOnceTheCertificateIsRevokedOrReplaced() throws Exception {
        Issued revokedOne = issued("Fatou Ndiaye");
        Issued reissuedOne = issued("Ana María Gómez");
        Map<String, Object> status = (Map<String, Object>) JWSObject.parse(credential(revokedOne)).getPayload().toJSONObject()
                .get("credentialStatus");
        Map<String, Object> otherStatus = (Map<String, Object>) JWSObject.parse(credential(reissuedOne)).getPayload().toJSONObject()
                .get("credentialStatus");
        assertEquals("BitstringStatusListEntry", status.get("type"));
        assertEquals("revocation", status.get("statusPurpose"));
        String listUrl = (String) status.get("statusListCredential");
        int index = Integer.parseInt((String) status.get("statusListIndex"));
        int otherIndex = Integer.parseInt((String) otherStatus.get("statusListIndex"));
        assertEquals(listUrl + "#" + index, status.get("id"));
        assertTrue(index != otherIndex || !listUrl.equals(otherStatus.get("statusListCredential")), "one place per credential");
        long list = Long.parseLong(listUrl.substring(listUrl.lastIndexOf('/') + 1));
        assertEquals(list * 131_072 + index, db.value("SELECT status_index FROM certificate_status_entries WHERE certificate_id = ?::uuid",
                java.util.UUID.fromString(revokedOne.id())));
        Map<String, Object> again = (Map<String, Object>) JWSObject.parse(credential(revokedOne)).getPayload().toJSONObject()
                .get("credentialStatus");
        assertEquals(status, again, "the same place every time");

        byte[] before = statusBits(listUrl);
        assertFalse(bit(before, index), "a valid certificate's bit is 0");

        var revoked = api.post("/api/v1/certificates/" + revokedOne.id() + "/revoke", Map.of("reason", "issued in error"), fx.admin());
        assertEquals(200, revoked.status(), revoked.body());
        assertTrue(bit(statusBits(listUrl), index), "revoked: the bit is set");
        assertEquals("REVOKED", db.value("SELECT status FROM certificates WHERE id = ?::uuid", java.util.UUID.fromString(revokedOne.id())));

        String otherList = (String) otherStatus.get("statusListCredential");
        assertFalse(bit(statusBits(otherList), otherIndex));
        var reissued = api.post("/api/v1/certificates/" + reissuedOne.id() + "/reissue", Map.of(), reissuedOne.learner().token());
        assertEquals(201, reissued.status(), reissued.body());
        assertTrue(bit(statusBits(otherList), otherIndex), "superseded: the bit is set");
        assertEquals(409, api.get("/api/v1/certificates/" + revokedOne.id() + "/credential", revokedOne.learner().token()).status());
        assertEquals(404, api.get("/api/v1/status-lists/999999", null).status());
        for (String bad : List.of("abc", "-1", "99999999999999999999", "1.5")) {
            var r = api.get("/api/v1/status-lists/" + bad, null);
            assertTrue(r.status() == 400 || r.status() == 404, bad + " → " + r.status() + " " + r.body());
            assertTrue(r.contentType().startsWith("application/problem+json"), bad + " → " + r.contentType());
        }
    }

    /** Fetches a status list, checks its signature and claims with Nimbus, and decodes its bits as the specification says. */
    private byte[] statusBits(String listUrl) throws Exception {
        var r = api.get(local(listUrl), null);
        assertEquals(200, r.status(), r.body());
        assertEquals("application/vc+jwt", r.contentType());
        JWTClaimsSet claims = verifyWithJwks(r.body(), Set.of("iss", "nbf"));
        assertEquals(List.of("VerifiableCredential", "BitstringStatusListCredential"), claims.getStringListClaim("type"));
        assertEquals(listUrl, claims.getStringClaim("id"));
        assertTrue(claims.getIssuer().endsWith("/api/v1/issuer"));
        Map<String, Object> subject = claims.getJSONObjectClaim("credentialSubject");
        assertEquals("BitstringStatusList", subject.get("type"));
        assertEquals("revocation", subject.get("statusPurpose"));
        String encoded = (String) subject.get("encodedList");
        assertTrue(encoded.startsWith("u"), "multibase base64url");
        byte[] gzipped = Base64.getUrlDecoder().decode(encoded.substring(1));
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            byte[] bits = in.readAllBytes();
            assertTrue(bits.length >= 16 * 1024, "at least 131,072 entries: " + bits.length);
            return bits;
        }
    }

    /** Index 0 is the left-most bit of the first byte. */
    private static boolean bit(byte[] bits, int index) {
        return (bits[index / 8] & (0x80 >>> (index % 8))) != 0;
    }

    @Test
    void theIssuerProfileTheCredentialAndTheStatusListExpandAsJsonLdWithNoTermDropped() throws Exception {
        var profile = api.get("/api/v1/issuer", null);
        assertEquals(200, profile.status());
        JsonArray expanded = expand(profile.body());
        String flat = expanded.toString();
        assertTrue(flat.contains("https://purl.imsglobal.org/spec/vc/ob/vocab.html#Profile") && flat.contains("https://schema.org/name"), flat);

        // the check has teeth: the term the profile used to carry is refused
        Map<String, Object> withKey = new LinkedHashMap<>(profile.json());
        withKey.put("verificationMethod", List.of(Map.of("id", "x", "type", "JsonWebKey")));
        assertThrows(JsonLdError.class, () -> expand(toJson(withKey)));

        Issued c = issued("Nguyễn Thị Minh");
        Map<String, Object> payload = new LinkedHashMap<>(JWSObject.parse(credential(c)).getPayload().toJSONObject());
        // jti is a JWT claim the VC 2.0 context does not define (iss, sub, nbf, exp it does); it is outside the data model
        payload.remove("jti");
        String credentialFlat = expand(toJson(payload)).toString();
        assertTrue(credentialFlat.contains("https://www.w3.org/ns/credentials/status#statusListIndex")
                && credentialFlat.contains("https://purl.imsglobal.org/spec/vc/ob/vocab.html#AchievementSubject"), credentialFlat);

        Map<String, Object> status = (Map<String, Object>) payload.get("credentialStatus");
        var list = api.get(local((String) status.get("statusListCredential")), null);
        expand(toJson(JWSObject.parse(list.body()).getPayload().toJSONObject()));
    }

    private String toJson(Object value) {
        return com.nimbusds.jose.util.JSONObjectUtils.toJSONString((Map<String, ?>) value);
    }

    /** Titanium JSON-LD expansion with the contexts from test resources, failing on any undefined term. */
    private static JsonArray expand(String json) throws JsonLdError {
        DocumentLoader loader = (url, options) -> {
            String resource = CONTEXTS.get(url.toString());
            if (resource == null) {
                throw new JsonLdError(com.apicatalog.jsonld.JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED, "not offline: " + url);
            }
            try (InputStream in = CredentialIT.class.getClassLoader().getResourceAsStream(resource)) {
                assertNotNull(in, resource);
                JsonDocument document = JsonDocument.of(MediaType.JSON_LD, new ByteArrayInputStream(in.readAllBytes()));
                document.setDocumentUrl(url);
                return document;
            } catch (IOException e) {
                throw new JsonLdError(com.apicatalog.jsonld.JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED, e);
            }
        };
        JsonLdOptions options = new JsonLdOptions(loader);
        options.setUndefinedTermsPolicy(JsonLdOptions.ProcessingPolicy.Fail);
        return JsonLd.expand(JsonDocument.of(new StringReader(json))).options(options).get();
    }
}
