package org.uclg.learning.certificates.badges;

import org.uclg.learning.certificates.Certificate;
import org.uclg.learning.certificates.CertificateKind;
import org.uclg.learning.certificates.CertificateStatus;
import org.uclg.learning.certificates.CertificateViews;
import org.uclg.learning.certificates.CertificatesApi;
import org.uclg.learning.certificates.VerificationCode;
import org.uclg.learning.shared.Messages;
import jakarta.inject.Singleton;
import org.uclg.learning.shared.ConflictException;

import io.micronaut.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Certificates as Open Badges 3.0 OpenBadgeCredentials (W3C VC data model 2.0) signed as VC-JWTs,
 * the issuer that signs them, its keys, and the status list that tells when one no longer stands.
 */
@Singleton
public class Credentials {
    static final String ISSUER_NAME = "United Cities and Local Governments (UCLG)";
    static final String STATUS_LISTS_PATH = "/api/v1/status-lists/";
    private static final List<String> CONTEXT = List.of("https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
    private final CertificatesApi certificates;
    private final CertificateViews views;
    private final CredentialSigner signer;
    private final StatusList statusList;
    private final Clock clock;

    Credentials(CertificatesApi certificates, CertificateViews views, CredentialSigner signer, StatusList statusList, Clock clock) {
        this.certificates = certificates;
        this.views = views;
        this.signer = signer;
        this.statusList = statusList;
        this.clock = clock;
    }

    String issuerId() {
        return views.publicUrl() + "/api/v1/issuer";
    }

    /** The signed credential of a VALID certificate; a revoked or superseded one is not vouched for any more. */
    @Transactional
    public String credential(UUID id, UUID callerId) {
        return credential(certificates.readableRecord(id, callerId));
    }

    /**
     * The signed credential of a VALID certificate record, also one being issued in the current
     * transaction (its status-list place refers to it with a deferred foreign key), e.g. to embed it
     * in the certificate's PDF.
     */
    @Transactional
    public String credential(Certificate c) {
        if (c.status() != CertificateStatus.VALID) {
            throw new ConflictException("certificate-not-valid", "the certificate is " + c.status() + "; no credential is issued for it", "status");
        }
        String base = views.publicUrl();
        Map<String, Object> achievement = new LinkedHashMap<>();
        achievement.put("id", base + "/modules/" + c.moduleCode() + "#" + c.kind().name().toLowerCase());
        achievement.put("type", List.of("Achievement"));
        achievement.put("achievementType", c.kind() == CertificateKind.CERTIFIED_TRAINER ? "License" : "Certificate");
        achievement.put("name", c.moduleTitle());
        achievement.put("description", Messages.get(c.language(), "certificate.kind." + c.kind().name()) + ": " + c.moduleTitle() + " (" + c.moduleCode()
                + ", " + Messages.get(c.language(), "certificate.version", c.moduleVersion()) + ")");
        achievement.put("criteria", Map.of("narrative", Messages.get(c.language(), "certificate.did." + c.kind().name()) + " " + c.moduleTitle()
                + " — " + Messages.get(c.language(), "certificate.hours", c.hours())));
        achievement.put("version", String.valueOf(c.moduleVersion()));

        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("id", "urn:uuid:" + c.learnerId());
        subject.put("type", List.of("AchievementSubject"));
        subject.put("name", c.printedName());
        subject.put("achievement", achievement);

        // whole seconds: the JWT's nbf is in seconds and must equal validFrom
        Instant validFrom = c.issuedAt().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("@context", CONTEXT);
        credential.put("id", "urn:uuid:" + c.id());
        credential.put("type", List.of("VerifiableCredential", "OpenBadgeCredential"));
        credential.put("issuer", Map.of("id", issuerId(), "type", List.of("Profile"), "name", ISSUER_NAME));
        credential.put("validFrom", validFrom.toString());
        credential.put("name", Messages.get(c.language(), "certificate.kind." + c.kind().name()) + " — " + c.moduleTitle());
        credential.put("credentialSubject", subject);
        credential.put("credentialStatus", statusEntry(statusList.indexOf(c.id())));
        credential.put("evidence", List.of(Map.of("id", Certificate.verifyUrl(base, c.code()), "type", List.of("Evidence"),
                "name", Messages.get(c.language(), "certificate.code") + " " + VerificationCode.display(c.code()))));
        // the JWT claims Open Badges 3.0 requires of a VC-JWT; certificates do not expire, so there is no exp
        credential.put("iss", issuerId());
        credential.put("sub", subject.get("id"));
        credential.put("jti", credential.get("id"));
        credential.put("nbf", validFrom.getEpochSecond());
        return signer.sign(credential);
    }

    /** A BitstringStatusListEntry: where in which list the credential's revocation bit is. */
    private Map<String, Object> statusEntry(long index) {
        String list = views.publicUrl() + STATUS_LISTS_PATH + (index / StatusList.SIZE);
        long position = index % StatusList.SIZE;
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", list + "#" + position);
        entry.put("type", "BitstringStatusListEntry");
        entry.put("statusPurpose", "revocation");
        entry.put("statusListIndex", String.valueOf(position));
        entry.put("statusListCredential", list);
        return entry;
    }

    /**
     * A status list as a BitstringStatusListCredential, signed as a VC-JWT by the same key as the
     * credentials (the specification has verifiers check the list's proof and its issuer); empty
     * when the list has not been started.
     */
    @Transactional(readOnly = true)
    public Optional<String> statusList(long list) {
        if (list < 0 || list > Integer.MAX_VALUE || !statusList.exists(list)) {
            return Optional.empty();
        }
        String id = views.publicUrl() + STATUS_LISTS_PATH + list;
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("id", id + "#list");
        subject.put("type", "BitstringStatusList");
        subject.put("statusPurpose", "revocation");
        subject.put("encodedList", StatusList.encode(statusList.bits(list)));
        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("@context", List.of(CONTEXT.get(0)));
        credential.put("id", id);
        credential.put("type", List.of("VerifiableCredential", "BitstringStatusListCredential"));
        credential.put("issuer", issuerId());
        credential.put("validFrom", now.toString());
        credential.put("credentialSubject", subject);
        credential.put("iss", issuerId());
        credential.put("nbf", now.getEpochSecond());
        credential.put("iat", now.getEpochSecond());
        return Optional.of(signer.sign(credential));
    }

    /**
     * The issuer profile: only terms the VC 2.0 and Open Badges 3.0 contexts define, so it expands
     * as JSON-LD with nothing dropped. The key is not in it (neither context has a term for one): a
     * credential's {@code kid} is the URL of its key, and {@code /.well-known/jwks.json} lists them all.
     */
    public Map<String, Object> issuer() {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("@context", CONTEXT);
        profile.put("id", issuerId());
        profile.put("type", List.of("Profile"));
        profile.put("name", ISSUER_NAME);
        profile.put("url", "https://www.uclg.org");
        return profile;
    }

    public Map<String, Object> jwks() {
        return Map.of("keys", List.of(signer.publicJwk()));
    }

    /** The public key a credential's {@code kid} names, by its thumbprint, as JWK JSON. */
    public Optional<String> key(String thumbprint) {
        return signer.thumbprint().equals(thumbprint) ? Optional.of(signer.publicJwkJson()) : Optional.empty();
    }
}
