package dev.hermetic.attest;

import dev.hermetic.digest.DigestAlgorithm;
import dev.hermetic.digest.MultiDigest;
import dev.hermetic.lock.ArtifactCoordinates;
import dev.hermetic.sign.SigningKey;
import dev.hermetic.sign.SigningKeyLoader;
import dev.hermetic.sign.SigningKeySource;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the provenance tests share: fixed test keys (made once with gpg, no passphrase, good for nothing else), a
 * sample build's outputs and dependencies, and the Provenance of that build.
 */
public final class ProvenanceFixtures {

    /** The fingerprint of release-secret.asc, the key that signs in these tests. */
    public static final String RELEASE_FINGERPRINT = "D45C309918CF60553999C659BB9369E8ADFA2BF1";

    /** SOURCE_DATE_EPOCH of the sample build: 2026-11-25T00:00:00Z. */
    public static final Instant SIGNATURE_TIME = Instant.parse("2026-11-25T00:00:00Z");

    public static final ArtifactCoordinates COMMONS_LANG = new ArtifactCoordinates(
            "org.apache.commons", "commons-lang3", "3.17.0", "jar", "");
    public static final ArtifactCoordinates GUAVA_POM = new ArtifactCoordinates(
            "com.google.guava", "guava", "33.4.0-jre", "pom", "");
    public static final String COMMONS_LANG_SHA256 = "6ee731df5c8e5a2976a1ca023b6bb320ea8d3539fbe64c8a1d5cb765127c33b4";
    public static final String GUAVA_POM_SHA256 = "a1c3ed4d4e5b0d0cf4e1b1ae1a4d0e6a3b5d9a4f0e0ac5a86c4bfb1d2cc3f0e1";
    public static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    private ProvenanceFixtures() {}

    public static Path resource(String name) {
        URL url = ProvenanceFixtures.class.getResource(name);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The release key, loaded as {@code hermetic:sign -Dhermetic.sign.reproducible} loads it. */
    public static SigningKey releaseKey() throws Exception {
        return key("release-secret.asc");
    }

    public static SigningKey key(String resource) throws Exception {
        return new SigningKeyLoader().keySource(SigningKeySource.file(resource(resource)))
                .signatureTime(SIGNATURE_TIME).load();
    }

    /** The sample build's outputs, written to {@code dir}: a jar and its POM. */
    public static List<Path> outputs(Path dir) throws IOException {
        return List.of(
                Files.write(dir.resolve("demo-1.0.jar"), "PK demo jar bytes".getBytes(StandardCharsets.UTF_8)),
                Files.writeString(dir.resolve("demo-1.0.pom"), "<project/>\n"));
    }

    public static ResourceDescriptor subject(Path file) throws IOException {
        return ResourceDescriptor.file(file.getFileName().toString(),
                MultiDigest.read(file, EnumSet.allOf(DigestAlgorithm.class)).hex());
    }

    /** The lockfile text of the sample build. */
    public static String lockfileText() {
        return "# hermetic.lock\nformat 3\nalgorithm SHA-256\n"
                + "environment maven 3.9.16\nenvironment java 17.0.13 Eclipse Adoptium\nenvironment wrapper -\n"
                + "module com.example:demo\nbuild default -\n"
                + COMMONS_LANG + " " + COMMONS_LANG_SHA256 + " dependency compile com.example:demo - *\n"
                + GUAVA_POM + " " + GUAVA_POM_SHA256 + " pom - com.example:demo - *\n";
    }

    /** The sample build's provenance, its subjects read from {@code outputs}. */
    public static Provenance provenance(List<Path> outputs, String lockfileSha256) throws IOException {
        List<ResourceDescriptor> subjects = new ArrayList<>();
        for (Path output : outputs) {
            subjects.add(subject(output));
        }
        Map<String, String> userProperties = new LinkedHashMap<>();
        userProperties.put("skipTests", "true");
        userProperties.put("my.password", "hunter2");
        userProperties.put("gpg.keyname", "ABCD");
        return new Provenance(subjects,
                ExternalParameters.of(List.of("clean", "deploy"), List.of("release", "ci"), userProperties,
                        ResourceDescriptor.gitCommit("https://user:s3cret@example.com/demo.git", COMMIT)),
                new InternalParameters("3.9.16", "17.0.13", "Eclipse Adoptium", "unix", "0.1.0", true),
                List.of(ResourceDescriptor.mavenArtifact(COMMONS_LANG, Map.of(DigestAlgorithm.SHA_256, COMMONS_LANG_SHA256)),
                        ResourceDescriptor.mavenArtifact(GUAVA_POM, Map.of(DigestAlgorithm.SHA_256, GUAVA_POM_SHA256)),
                        ResourceDescriptor.lockfile("hermetic.lock", Map.of(DigestAlgorithm.SHA_256, lockfileSha256)),
                        ResourceDescriptor.gitCommit("https://user:s3cret@example.com/demo.git", COMMIT)),
                Provenance.DEFAULT_BUILDER_ID, RunMetadata.NONE);
    }
}
