package org.uclg.learning.certificates.badges;

import org.uclg.learning.certificates.Certificate;
import org.uclg.learning.certificates.CertificateKind;
import org.uclg.learning.certificates.CertificateStatus;
import org.uclg.learning.certificates.CertificateViews;
import org.uclg.learning.certificates.CredentialSigning;
import org.uclg.learning.certificates.CertificatesApi;
import org.uclg.learning.certificates.VerificationCode;
import org.uclg.learning.shared.Messages;
import jakarta.inject.Singleton;
import org.uclg.learning.shared.ConflictException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Certificates as Open Badges 3.0 OpenBadgeCredentials (W3C VC data model 2.0), and the issuer that signs them. */
@Singleton
public class Credentials implements CredentialSigning {
    static final String ISSUER_NAME = "United Cities and Local Governments (UCLG)";
    private final CertificatesApi certificates;
    private final CertificateViews views;
    private final CredentialSigner signer;

    Credentials(CertificatesApi certificates, CertificateViews views, CredentialSigner signer) {
        this.certificates = certificates;
        this.views = views;
        this.signer = signer;
    }

    String issuerId() {
        return views.publicUrl() + "/api/v1/issuer";
    }

    String verificationMethod() {
        return issuerId() + "#" + signer.kid();
    }

    /** The signed credential of a VALID certificate; a revoked or superseded one is not vouched for any more. */
    public String credential(UUID id, UUID callerId) {
        Certificate c = certificates.readableRecord(id, callerId);
        if (c.status() != CertificateStatus.VALID) {
            throw new ConflictException("certificate-not-valid", "the certificate is " + c.status() + "; no credential is issued for it", "status");
        }
        return signedCredential(c);
    }

    /** The signed credential of a certificate record; also what its PDF carries. */
    @Override
    public String signedCredential(Certificate c) {
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
        achievement.put("inLanguage", c.language());

        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("id", "urn:uuid:" + c.learnerId());
        subject.put("type", List.of("AchievementSubject"));
        subject.put("name", c.printedName());
        subject.put("achievement", achievement);

        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("@context", List.of("https://www.w3.org/ns/credentials/v2",
                "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"));
        credential.put("id", "urn:uuid:" + c.id());
        credential.put("type", List.of("VerifiableCredential", "OpenBadgeCredential"));
        credential.put("issuer", Map.of("id", issuerId(), "type", List.of("Profile"), "name", ISSUER_NAME));
        credential.put("validFrom", c.issuedAt().toString());
        credential.put("name", Messages.get(c.language(), "certificate.kind." + c.kind().name()) + " — " + c.moduleTitle());
        credential.put("credentialSubject", subject);
        credential.put("evidence", List.of(Map.of("id", Certificate.verifyUrl(base, c.code()), "type", List.of("Evidence"),
                "name", Messages.get(c.language(), "certificate.code") + " " + VerificationCode.display(c.code()))));
        return signer.sign(credential, verificationMethod());
    }

    /** The issuer profile, with the key anyone can check a credential's signature against. */
    public Map<String, Object> issuer() {
        Map<String, Object> method = new LinkedHashMap<>();
        method.put("id", verificationMethod());
        method.put("type", "JsonWebKey");
        method.put("controller", issuerId());
        method.put("publicKeyJwk", signer.publicJwk());
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("@context", List.of("https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"));
        profile.put("id", issuerId());
        profile.put("type", List.of("Profile"));
        profile.put("name", ISSUER_NAME);
        profile.put("url", "https://www.uclg.org");
        profile.put("verificationMethod", List.of(method));
        return profile;
    }

    public Map<String, Object> jwks() {
        return Map.of("keys", List.of(signer.publicJwk()));
    }
}
