package dev.hermetic.sign;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.SignatureSubpacketTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.bcpg.sig.RevocationReason;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPObjectFactory;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPSignatureSubpacketVector;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;

/**
 * Picks the key that signs from parsed key material, and says precisely why a key cannot be used. A key is usable
 * when its certificate is neither revoked nor expired (now and at the signature time), it was created before the
 * signature time, its latest valid self-signature allows signing, and (for a subkey) its binding carries a valid
 * back-signature, without which gpg rejects its signatures. Self-signatures are verified, not trusted.
 */
final class SigningKeySelection {

    private final String sourceDescription;
    private final SigningOptionNames options;
    private final Instant signatureTime;
    private final Instant now;

    SigningKeySelection(String sourceDescription, SigningOptionNames options, Instant signatureTime, Instant now) {
        this.sourceDescription = sourceDescription;
        this.options = options;
        this.signatureTime = signatureTime;
        this.now = now;
    }

    /** The chosen secret key and its fingerprint. */
    record Selected(PGPSecretKey secretKey, KeyFingerprint fingerprint) {}

    /**
     * One key of a certificate and what stops it from signing (null when nothing does). The primary is the ring's
     * first key: BouncyCastle's {@code isMasterKey()} is false for a primary with an encryption-only algorithm.
     */
    private record Assessed(PGPSecretKey secretKey, PGPPublicKey primary, KeyFingerprint fingerprint, String problem,
            boolean isPrimary) {
        boolean usable() {
            return problem == null;
        }

        String describe() {
            return fingerprint + " (" + (isPrimary() ? "primary key" : "subkey") + ", "
                    + algorithmName(secretKey.getPublicKey()) + "): " + (problem == null ? "can sign" : problem);
        }
    }

    /** A certificate: its primary key's state and all its keys. */
    private record Certificate(Assessed primary, List<Assessed> keys) {
        /** gpg's choice: the newest usable signing subkey, else the primary key if it can sign. */
        Optional<Assessed> signingKey() {
            return keys.stream()
                    .filter(k -> !k.isPrimary() && k.usable())
                    .max(Comparator.comparing(k -> k.secretKey().getPublicKey().getCreationTime()))
                    .or(() -> primary.usable() ? Optional.of(primary) : Optional.empty());
        }
    }

    Selected select(byte[] keyMaterial, Optional<KeyFingerprint> wanted) throws SigningException {
        List<Certificate> certificates = new ArrayList<>();
        for (PGPSecretKeyRing ring : parse(keyMaterial)) {
            certificates.add(assess(ring));
        }
        return wanted.isPresent() ? selectByFingerprint(certificates, wanted.get()) : selectOnly(certificates);
    }

    private Selected selectByFingerprint(List<Certificate> certificates, KeyFingerprint wanted) throws SigningException {
        for (Certificate certificate : certificates) {
            for (Assessed key : certificate.keys()) {
                if (!key.fingerprint().equals(wanted)) {
                    continue;
                }
                if (key.isPrimary()) {
                    // A primary fingerprint names the certificate: sign with its signing key, as gpg does.
                    return certificate.signingKey()
                            .map(k -> new Selected(k.secretKey(), k.fingerprint()))
                            .orElseThrow(() -> unusable(certificate, true));
                }
                if (!key.usable()) {
                    throw new SigningException("Key " + key.fingerprint() + " in the " + sourceDescription + " "
                            + key.problem() + ": " + fixFor(key));
                }
                return new Selected(key.secretKey(), key.fingerprint());
            }
        }
        throw new SigningException("No key with fingerprint " + wanted + " in the " + sourceDescription
                + "; it holds " + listing(certificates) + ". Set " + fingerprintOptions()
                + " to one of these, or point " + options.keyFile() + " / " + options.keyEnvName()
                + " to the key material that holds " + wanted);
    }

    private Selected selectOnly(List<Certificate> certificates) throws SigningException {
        List<Assessed> signing = new ArrayList<>();
        for (Certificate certificate : certificates) {
            certificate.signingKey().ifPresent(signing::add);
        }
        if (signing.size() == 1) {
            return new Selected(signing.get(0).secretKey(), signing.get(0).fingerprint());
        }
        if (signing.isEmpty()) {
            if (certificates.size() == 1) {
                throw unusable(certificates.get(0), false);
            }
            throw new SigningException("No key in the " + sourceDescription + " can sign; it holds "
                    + listing(certificates) + ". Use key material that holds a valid signing key");
        }
        List<String> fingerprints = signing.stream().map(k -> k.fingerprint().hex()).toList();
        throw new SigningException("The " + sourceDescription + " holds " + signing.size()
                + " certificates with a key that can sign (" + String.join(", ", fingerprints) + "): set "
                + fingerprintOptions() + " to the one to use");
    }

    /** Why no key of {@code certificate} can sign, with the fix for the most telling reason. */
    private SigningException unusable(Certificate certificate, boolean named) {
        Assessed primary = certificate.primary();
        if (!primary.usable() && isCertificateWide(primary.problem())) {
            return new SigningException("Key " + primary.fingerprint() + " in the " + sourceDescription + " "
                    + primary.problem() + ": " + fixFor(primary));
        }
        List<String> reasons = certificate.keys().stream().map(Assessed::describe).toList();
        // The primary's missing secret part explains more than its subkeys' flags; else the first unusable subkey.
        Assessed example = primary.problem() != null && primary.problem().startsWith("has no secret part")
                ? primary
                : certificate.keys().stream()
                        .filter(k -> !k.isPrimary()).filter(k -> !k.usable()).findFirst().orElse(primary);
        String fix = example.problem() != null && !example.problem().startsWith("cannot sign")
                ? fixFor(example)
                : "add a signing subkey with `gpg --quick-add-key " + primary.fingerprint() + " ed25519 sign`,"
                        + " export the key again and update the " + sourceDescription;
        return new SigningException("No key of certificate " + primary.fingerprint() + " in the " + sourceDescription
                + " can sign" + (named ? " (selected by " + fingerprintOptions() + ")" : "") + ": "
                + String.join("; ", reasons) + ". To fix: " + fix);
    }

    private static boolean isCertificateWide(String problem) {
        return problem.startsWith("is revoked") || problem.startsWith("expired") || problem.startsWith("was created")
                || problem.startsWith("has no valid self-signature");
    }

    private String fixFor(Assessed key) {
        String problem = key.problem();
        if (problem.startsWith("is revoked")) {
            return "a revoked key must not sign again; set " + fingerprintOptions() + " to another signing key,"
                    + " or use key material with a valid key";
        }
        if (problem.startsWith("expired")) {
            return "extend it with `gpg --quick-set-expire " + KeyFingerprint.of(key.primary().getFingerprint())
                    + " 1y" + (key.isPrimary() ? "" : " '*'") + "`, export it again and update the "
                    + sourceDescription;
        }
        if (problem.startsWith("was created")) {
            return "the signature time comes from " + options.reproducible()
                    + " (SOURCE_DATE_EPOCH / project.build.outputTimestamp): set it to a time after the key's creation,"
                    + " or sign with an older key";
        }
        if (problem.startsWith("cannot sign")) {
            return "set " + fingerprintOptions() + " to a key or subkey that can sign, or add one with"
                    + " `gpg --quick-add-key " + KeyFingerprint.of(key.primary().getFingerprint()) + " ed25519 sign`";
        }
        if (problem.startsWith("has no valid self-signature")) {
            return "the key material is damaged or incomplete; export it again with `gpg --armor --export-secret-keys "
                    + KeyFingerprint.of(key.primary().getFingerprint()) + "`";
        }
        if (problem.startsWith("has no secret part")) {
            return "export the key with its secret parts: `gpg --armor --export-secret-keys "
                    + KeyFingerprint.of(key.primary().getFingerprint()) + "`";
        }
        return "recreate the subkey with `gpg --quick-add-key " + KeyFingerprint.of(key.primary().getFingerprint())
                + " ed25519 sign` (gpg 2.1 or later cross-certifies it), export it again and update the "
                + sourceDescription;
    }

    private String fingerprintOptions() {
        return options.fingerprint() + " (or " + SigningEnvironment.KEY_FINGERPRINT + ")";
    }

    private static String listing(List<Certificate> certificates) {
        List<String> all = new ArrayList<>();
        for (Certificate certificate : certificates) {
            certificate.keys().forEach(k -> all.add(k.describe()));
        }
        return all.isEmpty() ? "no keys" : String.join("; ", all);
    }

    private List<PGPSecretKeyRing> parse(byte[] keyMaterial) throws SigningException {
        List<PGPSecretKeyRing> rings = new ArrayList<>();
        boolean publicOnly = false;
        try {
            for (byte[] block : armorBlocks(keyMaterial)) {
                try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(block))) {
                    PGPObjectFactory factory = new BcPGPObjectFactory(in);
                    for (Object object; (object = factory.nextObject()) != null; ) {
                        if (object instanceof PGPSecretKeyRing ring) {
                            rings.add(ring);
                        } else if (object instanceof PGPPublicKeyRing) {
                            publicOnly = true;
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // The exception text may quote the key material: give its type only.
            throw new SigningException("The " + sourceDescription + " does not hold a readable OpenPGP secret key ("
                    + e.getClass().getSimpleName() + "): set it to the output of"
                    + " `gpg --armor --export-secret-keys <fingerprint>`");
        }
        if (rings.isEmpty()) {
            throw new SigningException("The " + sourceDescription + " holds "
                    + (publicOnly ? "only a public key, which cannot sign" : "no OpenPGP secret key")
                    + ": set it to the output of `gpg --armor --export-secret-keys <fingerprint>`");
        }
        return rings;
    }

    /**
     * Splits armored text into its blocks: the armor decoder stops after the first, and keys exported one after
     * the other (or pasted together into one variable) come as several. Binary material is one block.
     */
    private static List<byte[]> armorBlocks(byte[] keyMaterial) {
        String text = new String(keyMaterial, StandardCharsets.ISO_8859_1);
        if (!text.contains("-----BEGIN PGP ")) {
            return List.of(keyMaterial);
        }
        List<byte[]> blocks = new ArrayList<>();
        for (String block : text.split("(?=-----BEGIN PGP )")) {
            if (block.startsWith("-----BEGIN PGP ")) {
                blocks.add(block.getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        return blocks;
    }

    private Certificate assess(PGPSecretKeyRing ring) {
        PGPPublicKey primary = ring.getPublicKey();
        String primaryProblem = assessPrimary(primary);
        List<Assessed> keys = new ArrayList<>();
        Assessed primaryAssessed = null;
        for (Iterator<PGPSecretKey> it = ring.getSecretKeys(); it.hasNext(); ) {
            PGPSecretKey secretKey = it.next();
            KeyFingerprint fingerprint = KeyFingerprint.of(secretKey.getPublicKey().getFingerprint());
            boolean isPrimary = keys.isEmpty();
            String problem;
            if (isPrimary) {
                problem = primaryProblem != null ? primaryProblem : signingProblem(secretKey, latestSelfSignature(primary));
            } else {
                // A subkey is unusable when its certificate is; say so in the subkey's own terms.
                problem = primaryProblem != null ? "belongs to a certificate whose primary key " + primaryProblem
                        : assessSubkey(primary, secretKey);
            }
            Assessed assessed = new Assessed(secretKey, primary, fingerprint, problem, isPrimary);
            keys.add(assessed);
            if (isPrimary) {
                primaryAssessed = assessed;
            }
        }
        return new Certificate(primaryAssessed, keys);
    }

    /** Revocation, self-signature, creation and expiry of the primary key: they decide for the whole certificate. */
    private String assessPrimary(PGPPublicKey primary) {
        for (PGPSignature revocation : signaturesOfType(primary, PGPSignature.KEY_REVOCATION)) {
            if (verifies(revocation, primary, () -> revocation.verifyCertification(primary))) {
                return "is revoked" + reason(revocation);
            }
        }
        Optional<PGPSignature> selfSignature = latestSelfSignature(primary);
        if (selfSignature.isEmpty()) {
            return "has no valid self-signature";
        }
        return timeProblem(primary, selfSignature.get());
    }

    private String assessSubkey(PGPPublicKey primary, PGPSecretKey subkey) {
        PGPPublicKey key = subkey.getPublicKey();
        for (PGPSignature revocation : signaturesOfType(key, PGPSignature.SUBKEY_REVOCATION)) {
            if (verifies(revocation, primary, () -> revocation.verifyCertification(primary, key))) {
                return "is revoked" + reason(revocation);
            }
        }
        Optional<PGPSignature> binding = signaturesOfType(key, PGPSignature.SUBKEY_BINDING).stream()
                .filter(s -> verifies(s, primary, () -> s.verifyCertification(primary, key)))
                .max(Comparator.comparing(PGPSignature::getCreationTime));
        if (binding.isEmpty()) {
            return "has no valid binding signature from its primary key";
        }
        String problem = timeProblem(key, binding.get());
        if (problem == null) {
            problem = signingProblem(subkey, binding);
        }
        if (problem == null && !hasValidBackSignature(primary, key, binding.get())) {
            problem = "is not cross-certified (its binding has no valid back-signature), so verifiers reject its"
                    + " signatures";
        }
        return problem;
    }

    private String timeProblem(PGPPublicKey key, PGPSignature selfSignature) {
        Instant created = key.getCreationTime().toInstant();
        if (created.isAfter(signatureTime)) {
            return "was created at " + created + ", after the signature time " + signatureTime;
        }
        PGPSignatureSubpacketVector hashed = selfSignature.getHashedSubPackets();
        long validSeconds = hashed == null ? 0 : hashed.getKeyExpirationTime();
        if (validSeconds > 0) {
            Instant expiry = created.plusSeconds(validSeconds);
            if (!expiry.isAfter(now) || !expiry.isAfter(signatureTime)) {
                return "expired at " + expiry;
            }
        }
        return null;
    }

    private static String signingProblem(PGPSecretKey secretKey, Optional<PGPSignature> selfSignature) {
        PGPPublicKey key = secretKey.getPublicKey();
        PGPSignatureSubpacketVector hashed = selfSignature.map(PGPSignature::getHashedSubPackets).orElse(null);
        if (hashed != null && hashed.hasSubpacket(SignatureSubpacketTags.KEY_FLAGS)) {
            int flags = hashed.getKeyFlags();
            if ((flags & KeyFlags.SIGN_DATA) == 0) {
                return "cannot sign (its key flags allow only: " + flagNames(flags) + ")";
            }
        } else if (!canSignByAlgorithm(key.getAlgorithm())) {
            return "cannot sign (" + algorithmName(key) + " is an encryption algorithm)";
        }
        if (secretKey.isPrivateKeyEmpty()) {
            return "has no secret part in this key material (exported with --export-secret-subkeys, or kept on a"
                    + " smartcard)";
        }
        return null;
    }

    private static boolean hasValidBackSignature(PGPPublicKey primary, PGPPublicKey subkey, PGPSignature binding) {
        List<PGPSignature> embedded = new ArrayList<>();
        for (PGPSignatureSubpacketVector vector :
                new PGPSignatureSubpacketVector[] {binding.getHashedSubPackets(), binding.getUnhashedSubPackets()}) {
            if (vector == null) {
                continue;
            }
            try {
                PGPSignatureList list = vector.getEmbeddedSignatures();
                list.forEach(embedded::add);
            } catch (PGPException | RuntimeException e) {
                // An unreadable embedded signature is no back-signature (BouncyCastle parses it only now, and
                // reports some malformed packets unchecked, e.g. UnsupportedPacketVersionException).
            }
        }
        return embedded.stream()
                .filter(s -> s.getSignatureType() == PGPSignature.PRIMARYKEY_BINDING)
                .anyMatch(s -> verifies(s, subkey, () -> s.verifyCertification(primary, subkey)));
    }

    /** The newest direct-key or user-ID self-signature of the primary key that verifies. */
    private static Optional<PGPSignature> latestSelfSignature(PGPPublicKey primary) {
        List<PGPSignature> valid = new ArrayList<>();
        for (PGPSignature signature : signaturesOfType(primary, PGPSignature.DIRECT_KEY)) {
            if (verifies(signature, primary, () -> signature.verifyCertification(primary))) {
                valid.add(signature);
            }
        }
        for (Iterator<byte[]> ids = primary.getRawUserIDs(); ids.hasNext(); ) {
            byte[] id = ids.next();
            for (Iterator<PGPSignature> it = primary.getSignaturesForID(id); it != null && it.hasNext(); ) {
                PGPSignature signature = it.next();
                if (PGPSignature.isCertification(signature.getSignatureType())
                        && verifies(signature, primary, () -> signature.verifyCertification(id, primary))) {
                    valid.add(signature);
                }
            }
        }
        return valid.stream().max(Comparator.comparing(PGPSignature::getCreationTime));
    }

    private static List<PGPSignature> signaturesOfType(PGPPublicKey key, int type) {
        List<PGPSignature> result = new ArrayList<>();
        for (Iterator<PGPSignature> it = key.getSignaturesOfType(type); it.hasNext(); ) {
            result.add(it.next());
        }
        return result;
    }

    private interface Check {
        boolean run() throws PGPException;
    }

    /** Verifies a signature made by {@code signer}; anything malformed or unsupported counts as not verified. */
    private static boolean verifies(PGPSignature signature, PGPPublicKey signer, Check check) {
        try {
            signature.init(new BcPGPContentVerifierBuilderProvider(), signer);
            return check.run();
        } catch (PGPException | RuntimeException e) {
            return false;
        }
    }

    private static String reason(PGPSignature revocation) {
        PGPSignatureSubpacketVector hashed = revocation.getHashedSubPackets();
        RevocationReason reason = hashed == null ? null : hashed.getRevocationReason();
        if (reason == null || reason.getRevocationDescription().isBlank()) {
            return "";
        }
        return " (reason: " + reason.getRevocationDescription().strip() + ")";
    }

    private static boolean canSignByAlgorithm(int algorithm) {
        return switch (algorithm) {
            case PublicKeyAlgorithmTags.RSA_GENERAL, PublicKeyAlgorithmTags.RSA_SIGN, PublicKeyAlgorithmTags.DSA,
                    PublicKeyAlgorithmTags.ECDSA, PublicKeyAlgorithmTags.EDDSA_LEGACY, PublicKeyAlgorithmTags.Ed25519,
                    PublicKeyAlgorithmTags.Ed448 -> true;
            default -> false;
        };
    }

    private static String flagNames(int flags) {
        List<String> names = new ArrayList<>();
        if ((flags & KeyFlags.CERTIFY_OTHER) != 0) {
            names.add("certify");
        }
        if ((flags & (KeyFlags.ENCRYPT_COMMS | KeyFlags.ENCRYPT_STORAGE)) != 0) {
            names.add("encrypt");
        }
        if ((flags & KeyFlags.AUTHENTICATION) != 0) {
            names.add("authenticate");
        }
        return names.isEmpty() ? "nothing" : String.join(", ", names);
    }

    static String algorithmName(PGPPublicKey key) {
        return switch (key.getAlgorithm()) {
            case PublicKeyAlgorithmTags.RSA_GENERAL, PublicKeyAlgorithmTags.RSA_SIGN,
                    PublicKeyAlgorithmTags.RSA_ENCRYPT -> "RSA " + key.getBitStrength();
            case PublicKeyAlgorithmTags.DSA -> "DSA " + key.getBitStrength();
            case PublicKeyAlgorithmTags.ECDSA -> "ECDSA";
            case PublicKeyAlgorithmTags.EDDSA_LEGACY -> "EdDSA (Ed25519, v4 legacy)";
            case PublicKeyAlgorithmTags.Ed25519 -> "Ed25519";
            case PublicKeyAlgorithmTags.Ed448 -> "Ed448";
            case PublicKeyAlgorithmTags.ECDH -> "ECDH";
            case PublicKeyAlgorithmTags.X25519 -> "X25519";
            case PublicKeyAlgorithmTags.X448 -> "X448";
            case PublicKeyAlgorithmTags.ELGAMAL_ENCRYPT, PublicKeyAlgorithmTags.ELGAMAL_GENERAL -> "ElGamal";
            default -> "algorithm " + key.getAlgorithm();
        };
    }
}
