package dev.hermetic.attest;

import dev.hermetic.digest.DigestAlgorithm;
import dev.hermetic.digest.MultiDigest;
import dev.hermetic.lock.LockedArtifact;
import dev.hermetic.lock.Lockfile;
import dev.hermetic.lock.LockfileReader;
import dev.hermetic.sign.OpenPgpCertificate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a provenance envelope offline: that a key of the given certificate signed it, that each artifact's digests
 * are those of the subject of the same file name, and, given the lockfile, that every Maven dependency it lists has
 * the lockfile's digest and that the lockfile it names is this one. Nothing in the payload is trusted before the
 * signature is: a bad signature ends the check.
 */
public final class ProvenanceVerifier {

    /**
     * What was checked and what failed, each a sentence naming the artifact, subject, digest or dependency.
     *
     * @param signer the fingerprint of the key whose signature verified, empty when none did
     */
    public record Result(String signer, List<String> checked, List<String> failures) {
        public Result {
            checked = List.copyOf(checked);
            failures = List.copyOf(failures);
        }

        public boolean passed() {
            return failures.isEmpty();
        }
    }

    private final OpenPgpCertificate keys;

    public ProvenanceVerifier(OpenPgpCertificate keys) {
        this.keys = keys;
    }

    /**
     * @param what the envelope's file, for messages
     * @param artifacts files whose digests must be a subject's
     * @param lockfile the lockfile the dependencies must match, or null
     * @throws IOException when an artifact or the lockfile cannot be read, or the lockfile is malformed
     */
    public Result verify(Dsse.Envelope envelope, String what, List<Path> artifacts, Path lockfile) throws IOException {
        List<String> checked = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        if (!envelope.payloadType().equals(Dsse.IN_TOTO_PAYLOAD_TYPE)) {
            failures.add(what + ": payloadType is '" + envelope.payloadType() + "', not '" + Dsse.IN_TOTO_PAYLOAD_TYPE
                    + "': this is not an in-toto attestation");
            return new Result("", checked, failures);
        }
        String signer = checkSignatures(envelope, what, failures);
        if (signer.isEmpty()) {
            return new Result("", checked, failures);
        }
        checked.add("signature of " + what + " by key " + signer);
        ProvenanceClaims claims;
        try {
            claims = ProvenanceClaims.parse(envelope.payload(), "the payload of " + what);
        } catch (ProvenanceFormatException e) {
            failures.add(e.getMessage());
            return new Result(signer, checked, failures);
        }
        for (Path artifact : artifacts) {
            checkArtifact(artifact, claims.subjects(), checked, failures);
        }
        if (lockfile != null) {
            checkDependencies(claims.resolvedDependencies(), lockfile, checked, failures);
        }
        return new Result(signer, checked, failures);
    }

    /** The fingerprint of the first signature that verifies; else empty, with each signature's problem. */
    private String checkSignatures(Dsse.Envelope envelope, String what, List<String> failures) {
        if (envelope.signatures().isEmpty()) {
            failures.add(what + " carries no signature");
            return "";
        }
        byte[] pae = envelope.pae();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < envelope.signatures().size(); i++) {
            Dsse.Signature signature = envelope.signatures().get(i);
            OpenPgpCertificate.Verdict verdict = keys.verify(pae, signature.sig());
            if (verdict.valid()) {
                return verdict.signer();
            }
            problems.add(what + ": signature " + (i + 1) + " (keyid " + signature.keyid() + ") does not verify: "
                    + verdict.problem());
        }
        failures.addAll(problems);
        return "";
    }

    private static void checkArtifact(Path artifact, List<ResourceDescriptor> subjects, List<String> checked,
            List<String> failures) throws IOException {
        String name = artifact.getFileName().toString();
        Map<DigestAlgorithm, String> actual = MultiDigest.read(artifact, EnumSet.allOf(DigestAlgorithm.class)).hex();
        Optional<ResourceDescriptor> subject = subjects.stream().filter(s -> name.equals(s.name())).findFirst();
        if (subject.isEmpty()) {
            String sameBytes = subjects.stream()
                    .filter(s -> s.digest(DigestAlgorithm.SHA_256).orElse("").equals(actual.get(DigestAlgorithm.SHA_256)))
                    .map(s -> "; its bytes are those of subject '" + s.name() + "'")
                    .findFirst().orElse("");
            failures.add("artifact " + artifact + ": no subject is named '" + name + "' (subjects: "
                    + subjects.stream().map(ResourceDescriptor::name).toList() + ")" + sameBytes);
            return;
        }
        int compared = 0;
        for (DigestAlgorithm algorithm : DigestAlgorithm.values()) {
            Optional<String> claimed = subject.get().digest(algorithm);
            if (claimed.isEmpty()) {
                continue;
            }
            compared++;
            if (!claimed.get().equals(actual.get(algorithm))) {
                failures.add("artifact " + artifact + ": its " + algorithm.extension() + " is "
                        + actual.get(algorithm) + ", but subject '" + name + "' says " + claimed.get());
            }
        }
        if (compared == 0) {
            failures.add("artifact " + artifact + ": subject '" + name + "' has no sha256 or sha512 digest to compare");
        } else {
            checked.add("artifact " + artifact + " matches subject '" + name + "'");
        }
    }

    private static void checkDependencies(List<ResourceDescriptor> dependencies, Path lockfilePath,
            List<String> checked, List<String> failures) throws IOException {
        Lockfile lockfile = LockfileReader.read(lockfilePath);
        DigestAlgorithm algorithm = lockfile.algorithm();
        Map<String, LockedArtifact> byPurl = new HashMap<>();
        for (LockedArtifact locked : lockfile.artifacts()) {
            byPurl.put(MavenPurl.of(locked.coordinates()), locked);
        }
        Map<DigestAlgorithm, String> lockfileDigests = new LinkedHashMap<>(
                MultiDigest.of(Files.readAllBytes(lockfilePath), EnumSet.allOf(DigestAlgorithm.class)).hex());
        int matched = 0;
        int failed = failures.size();
        for (ResourceDescriptor dependency : dependencies) {
            if (ResourceDescriptor.LOCKFILE_MEDIA_TYPE.equals(dependency.mediaType())) {
                for (DigestAlgorithm a : DigestAlgorithm.values()) {
                    Optional<String> claimed = dependency.digest(a);
                    if (claimed.isPresent() && !claimed.get().equals(lockfileDigests.get(a))) {
                        failures.add("the build used lockfile '" + dependency.name() + "' with " + a.extension() + " "
                                + claimed.get() + ", but " + lockfilePath + " has " + lockfileDigests.get(a)
                                + ": check out the lockfile of the commit that was built");
                    }
                }
                continue;
            }
            if (dependency.uri() == null || !dependency.uri().startsWith("pkg:maven/")) {
                continue;
            }
            LockedArtifact locked = byPurl.get(dependency.uri());
            Optional<String> claimed = dependency.digest(algorithm);
            if (locked == null) {
                failures.add("dependency " + dependency.uri() + " is not in " + lockfilePath);
            } else if (claimed.isEmpty()) {
                failures.add("dependency " + dependency.uri() + " has no " + algorithm.extension() + " digest to"
                        + " compare with " + lockfilePath + " (it has " + dependency.digest().keySet() + ")");
            } else if (!claimed.get().equals(locked.digest())) {
                failures.add("dependency " + dependency.uri() + ": the provenance says " + algorithm.extension() + " "
                        + claimed.get() + ", " + lockfilePath + " says " + locked.digest());
            } else {
                matched++;
            }
        }
        if (failures.size() == failed) {
            checked.add(matched + " Maven dependencies match " + lockfilePath);
        }
    }
}
