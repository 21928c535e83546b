package dev.hermetic.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermetic.digest.DigestAlgorithm;
import dev.hermetic.digest.HexDigests;
import dev.hermetic.sign.GpgHome;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;
import org.apache.maven.rtinfo.RuntimeInformation;
import org.apache.maven.settings.Settings;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignMojoTest {

    @Test
    void everyModulesSignRecordsIntoTheBuildsOneStore() {
        MavenSession session = new MavenSession(null, new DefaultRepositorySystemSession(),
                new DefaultMavenExecutionRequest(), new DefaultMavenExecutionResult());
        assertThat(SignMojo.recordedDigests(session)).isSameAs(SignMojo.recordedDigests(session));
    }

    /** Environment variables no test machine sets: the key comes from the key file, with no passphrase. */
    private static final String UNSET = "HERMETIC_SIGN_MOJO_TEST_UNSET";

    @TempDir
    static Path keys;

    private static GpgHome gpg;
    private static String fingerprint;

    @TempDir
    Path dir;

    @BeforeAll
    static void makeKey() throws Exception {
        gpg = new GpgHome(keys.resolve("gnupg"));
        fingerprint = gpg.generate("mojo@example.org", "ed25519", "sign", "never", "", null);
    }

    @AfterAll
    static void stopAgent() {
        if (gpg != null) {
            gpg.close();
        }
    }

    /** Records what the mojo attaches, in order. */
    private static final class Attachments implements MavenProjectHelper {
        final List<String> attached = new ArrayList<>();

        @Override
        public void attachArtifact(MavenProject project, String type, String classifier, File file) {
            attached.add(type + ":" + classifier + ":" + file.getName());
        }

        @Override
        public void attachArtifact(MavenProject project, File file, String classifier) {
            throw new AssertionError("not used by hermetic:sign");
        }

        @Override
        public void attachArtifact(MavenProject project, String type, File file) {
            throw new AssertionError("not used by hermetic:sign");
        }

        @Override
        public void addResource(MavenProject project, String directory, List<String> includes, List<String> excludes) {
            throw new AssertionError("not used by hermetic:sign");
        }

        @Override
        public void addTestResource(MavenProject project, String directory, List<String> includes,
                List<String> excludes) {
            throw new AssertionError("not used by hermetic:sign");
        }
    }

    private MavenProject project() throws Exception {
        MavenProject project = new MavenProject();
        project.setGroupId("org.example");
        project.setArtifactId("lib");
        project.setVersion("1.0");
        project.setPackaging("jar");
        project.setFile(Files.writeString(dir.resolve("pom.xml"), "<project/>").toFile());
        DefaultArtifact jar = new DefaultArtifact("org.example", "lib", "1.0", "compile", "jar", null,
                new DefaultArtifactHandler("jar"));
        jar.setFile(Files.writeString(dir.resolve("lib.jar"), "jar bytes").toFile());
        project.setArtifact(jar);
        return project;
    }

    private SignMojo mojo(MavenProject project, Attachments attachments, Path keyFile) throws Exception {
        return mojo(project, attachments, keyFile, "3.9.16");
    }

    private SignMojo mojo(MavenProject project, Attachments attachments, Path keyFile, String mavenVersion)
            throws Exception {
        SignMojo mojo = new SignMojo(attachments, null, maven(mavenVersion));
        set(mojo, "keyFile", keyFile.toFile());
        set(mojo, "keyEnvName", UNSET);
        set(mojo, "fingerprintEnvName", UNSET);
        set(mojo, "passphraseEnvName", UNSET);
        set(mojo, "outputDirectory", dir.resolve("target/hermetic-sign").toFile());
        set(mojo, "project", project);
        set(mojo, "settings", new Settings());
        set(mojo, "session", new MavenSession(null, null, new DefaultMavenExecutionRequest(),
                new DefaultMavenExecutionResult()));
        return mojo;
    }

    /** Maven as the mojo sees it: only its version. */
    private static RuntimeInformation maven(String version) {
        return new RuntimeInformation() {
            @Override
            public String getMavenVersion() {
                return version;
            }

            @Override
            public boolean isMavenVersion(String versionRange) {
                throw new AssertionError("not used by hermetic:sign");
            }
        };
    }

    /** A log that keeps what is logged at INFO in {@code logged}. */
    private static SystemStreamLog recordingLog(List<String> logged) {
        return new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                logged.add(content.toString());
            }
        };
    }

    private static void set(SignMojo mojo, String field, Object value) throws Exception {
        Class<?> type = SignMojo.class;
        while (java.util.Arrays.stream(type.getDeclaredFields()).noneMatch(d -> d.getName().equals(field))) {
            type = type.getSuperclass(); // the key's parameters are SigningKeyMojo's
        }
        var f = type.getDeclaredField(field);
        f.setAccessible(true);
        f.set(mojo, value);
    }

    @Test
    void signsThePomTheJarAndTheManifestAndAttachesThemInOrder() throws Exception {
        MavenProject project = project();
        Attachments attachments = new Attachments();
        Path key = Files.writeString(dir.resolve("key.asc"), gpg.exportSecret(fingerprint, ""));

        mojo(project, attachments, key).execute();

        assertThat(attachments.attached).containsExactly(
                "pom.asc:null:lib-1.0.pom.asc", "pom.sha256:null:lib-1.0.pom.sha256", "pom.sha512:null:lib-1.0.pom.sha512",
                "jar.asc:null:lib-1.0.jar.asc", "jar.sha256:null:lib-1.0.jar.sha256", "jar.sha512:null:lib-1.0.jar.sha512",
                "sha256sum:digests:lib-1.0-digests.sha256sum",
                "sha256sum.asc:digests:lib-1.0-digests.sha256sum.asc",
                "sha256sum.sha256:digests:lib-1.0-digests.sha256sum.sha256",
                "sha256sum.sha512:digests:lib-1.0-digests.sha256sum.sha512");
        Path out = dir.resolve("target/hermetic-sign");
        Path keyring = Files.write(dir.resolve("public.gpg"), gpg.exportPublicBinary(fingerprint));
        for (String[] signed : new String[][] {{"lib-1.0.pom.asc", "pom.xml"}, {"lib-1.0.jar.asc", "lib.jar"},
                {"lib-1.0-digests.sha256sum.asc", "target/hermetic-sign/lib-1.0-digests.sha256sum"}}) {
            GpgHome.Result sqv = GpgHome.sqv(keyring, out.resolve(signed[0]), dir.resolve(signed[1]));
            assertThat(sqv.exitCode()).as(signed[0] + ": " + sqv.all()).isZero();
        }
        assertThat(Files.readString(out.resolve("lib-1.0-digests.sha256sum"))).isEqualTo(
                HexDigests.digest(dir.resolve("lib.jar"), DigestAlgorithm.SHA_256) + "  lib-1.0.jar\n"
                        + HexDigests.digest(dir.resolve("pom.xml"), DigestAlgorithm.SHA_256) + "  lib-1.0.pom\n");
    }

    @Test
    void skippedItReadsNoKeyAndWritesNothing() throws Exception {
        MavenProject project = project();
        Attachments attachments = new Attachments();
        SignMojo mojo = mojo(project, attachments, dir.resolve("no-such-key.asc"));
        set(mojo, "skip", true);

        mojo.execute();

        assertThat(attachments.attached).isEmpty();
        assertThat(dir.resolve("target/hermetic-sign")).doesNotExist();
    }

    /** A mojo with no key anywhere: no key file, the key variable unset. */
    private SignMojo mojoWithoutKey(MavenProject project, Attachments attachments, List<String> logged)
            throws Exception {
        SignMojo mojo = mojo(project, attachments, dir.resolve("unused"));
        set(mojo, "keyFile", null);
        mojo.setLog(recordingLog(logged));
        return mojo;
    }

    @Test
    void withoutAKeyNothingIsSignedOrAttachedAndOneLineSaysHowToSign() throws Exception {
        MavenProject project = project();
        Attachments attachments = new Attachments();
        List<String> logged = new ArrayList<>();

        mojoWithoutKey(project, attachments, logged).execute();

        assertThat(attachments.attached).isEmpty();
        assertThat(dir.resolve("target/hermetic-sign")).doesNotExist();
        assertThat(logged).containsExactly("Not signing org.example:lib:jar:1.0: no key in the environment variable "
                + UNSET + ", so no signature or digest was written or attached. To sign, set " + UNSET
                + "=\"$(gpg --armor --export-secret-keys <fingerprint>)\" or hermetic.sign.keyFile;"
                + " -Dhermetic.sign.required=true (for releases) makes a missing key fail the build.");
    }

    @Test
    void requiredWithoutAKeyFailsWithNothingWrittenOrAttached() throws Exception {
        MavenProject project = project();
        Attachments attachments = new Attachments();
        SignMojo mojo = mojoWithoutKey(project, attachments, new ArrayList<>());
        set(mojo, "required", true);

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("Cannot sign org.example:lib:jar:1.0: No signing key found (tried environment"
                        + " variable " + UNSET + "): set hermetic.sign.keyFile");

        assertThat(attachments.attached).isEmpty();
        assertThat(dir.resolve("target/hermetic-sign")).doesNotExist();
    }

    @Test
    void aConfiguredKeyFileThatIsMissingFailsAlthoughAKeyIsNotRequired() throws Exception {
        MavenProject project = project();
        Attachments attachments = new Attachments();
        Path missing = dir.resolve("no-such-key.asc");

        assertThatThrownBy(() -> mojo(project, attachments, missing).execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("Cannot sign org.example:lib:jar:1.0: The key file " + missing
                        + " does not exist");
        assertThat(attachments.attached).isEmpty();
    }

    @Test
    void aPassphraseForNoKeyFailsAlthoughAKeyIsNotRequired() throws Exception {
        MavenProject project = project();
        Attachments attachments = new Attachments();
        SignMojo mojo = mojoWithoutKey(project, attachments, new ArrayList<>());
        // Any variable the test JVM has: its value plays a passphrase whose key was not passed to the build.
        set(mojo, "passphraseEnvName", "PATH");

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("Cannot sign org.example:lib:jar:1.0: A passphrase was given but no signing"
                        + " key found (tried environment variable " + UNSET + ")");
        assertThat(attachments.attached).isEmpty();
    }

    @Test
    void aKeyThatCannotSignFailsTheBuildWithNothingWrittenOrAttached() throws Exception {
        MavenProject project = project();
        Attachments attachments = new Attachments();
        Path key = Files.writeString(dir.resolve("key.asc"), gpg.exportPublicArmored(fingerprint));

        assertThatThrownBy(() -> mojo(project, attachments, key).execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("Cannot sign org.example:lib:jar:1.0: The key file " + key
                        + " holds only a public key, which cannot sign");

        assertThat(attachments.attached).isEmpty();
        assertThat(dir.resolve("target/hermetic-sign")).doesNotExist();
    }

    @Test
    void sideFilesAreAttachedOnlyForDigestsTheResolverDoesNotMake() {
        assertThat(SignMojo.sideFileDigests("3.9.0", null))
                .containsExactly(DigestAlgorithm.SHA_256, DigestAlgorithm.SHA_512);
        assertThat(SignMojo.sideFileDigests("3.9.16", "SHA-1,MD5"))
                .containsExactly(DigestAlgorithm.SHA_256, DigestAlgorithm.SHA_512);
        assertThat(SignMojo.sideFileDigests("3.9.16", "SHA-512, SHA-256,SHA-1,MD5")).isEmpty();
        assertThat(SignMojo.sideFileDigests("4.0.0-rc-6", "sha256")).containsExactly(DigestAlgorithm.SHA_512);
    }

    @Test
    void beforeMaven39NoSideFileIsAttachedAsItsDeployWouldChecksumTheChecksums() throws Exception {
        assertThat(SignMojo.sideFileDigests("3.8.8", null)).isEmpty();
        assertThat(SignMojo.sideFileDigests("3.9.0-alpha-1", null)).isEmpty();

        MavenProject project = project();
        Attachments attachments = new Attachments();
        Path key = Files.writeString(dir.resolve("key.asc"), gpg.exportSecret(fingerprint, ""));
        SignMojo mojo = mojo(project, attachments, key, "3.8.8");
        List<String> logged = new ArrayList<>();
        mojo.setLog(recordingLog(logged));

        mojo.execute();

        assertThat(attachments.attached).containsExactly("pom.asc:null:lib-1.0.pom.asc", "jar.asc:null:lib-1.0.jar.asc",
                "sha256sum:digests:lib-1.0-digests.sha256sum",
                "sha256sum.asc:digests:lib-1.0-digests.sha256sum.asc");
        assertThat(dir.resolve("target/hermetic-sign/lib-1.0.jar.sha256")).doesNotExist();
        assertThat(logged).contains("Maven 3.8.8's deploy writes .md5 and .sha1 files next to every attached file,"
                + " a .sha256 or .sha512 included, so the .sha256 and .sha512 files are not attached (Maven 3.9 and"
                + " later attach them); the signed manifest lib-1.0-digests.sha256sum holds each file's SHA-256");
    }

    @Test
    void whatAnotherPluginAttachedIsLeftInPlaceAndSaidOnce() throws Exception {
        MavenProject project = project();
        // What checksum-maven-plugin does for a jar: its own .sha512, attached before hermetic:sign runs.
        DefaultArtifact theirs = new DefaultArtifact("org.example", "lib", "1.0", null, "jar.sha512", null,
                new DefaultArtifactHandler("jar.sha512"));
        theirs.setFile(Files.writeString(dir.resolve("theirs.sha512"),
                HexDigests.digest(dir.resolve("lib.jar"), DigestAlgorithm.SHA_512) + "  lib-1.0.jar\n").toFile());
        project.addAttachedArtifact(theirs);
        Attachments attachments = new Attachments();
        Path key = Files.writeString(dir.resolve("key.asc"), gpg.exportSecret(fingerprint, ""));
        SignMojo mojo = mojo(project, attachments, key);
        List<String> logged = new ArrayList<>();
        mojo.setLog(recordingLog(logged));

        mojo.execute();

        assertThat(attachments.attached).contains("jar.asc:null:lib-1.0.jar.asc", "jar.sha256:null:lib-1.0.jar.sha256")
                .doesNotContain("jar.sha512:null:lib-1.0.jar.sha512");
        assertThat(logged).containsOnlyOnce("Left in place what another plugin already attached under the same"
                + " coordinates, rather than replace it: lib-1.0.jar.sha512 (from " + theirs.getFile() + ")");
    }

    @Test
    void anotherPluginsChecksumOfOtherBytesIsLeftInPlaceWithAWarning() throws Exception {
        MavenProject project = project();
        DefaultArtifact theirs = new DefaultArtifact("org.example", "lib", "1.0", null, "jar.sha512", null,
                new DefaultArtifactHandler("jar.sha512"));
        theirs.setFile(Files.writeString(dir.resolve("theirs.sha512"), "00".repeat(64)).toFile());
        project.addAttachedArtifact(theirs);
        Attachments attachments = new Attachments();
        Path key = Files.writeString(dir.resolve("key.asc"), gpg.exportSecret(fingerprint, ""));
        SignMojo mojo = mojo(project, attachments, key);
        List<String> warned = new ArrayList<>();
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void warn(CharSequence content) {
                warned.add(content.toString());
            }
        });

        mojo.execute();

        assertThat(attachments.attached).doesNotContain("jar.sha512:null:lib-1.0.jar.sha512");
        assertThat(warned).containsExactly("lib-1.0.jar.sha512, attached by another plugin from " + theirs.getFile()
                + ", does not hold the SHA-512 of the bytes signed ("
                + HexDigests.digest(dir.resolve("lib.jar"), DigestAlgorithm.SHA_512) + "): it was made from other"
                + " bytes. Bind that plugin after hermetic:normalize, or remove it (hermetic:sign attaches the digests"
                + " itself).");
    }

    @Test
    void reproducibleSignatureTimeComesFromSourceDateEpochFirst() throws MojoFailureException {
        assertThat(SignMojo.signatureTime(Map.of("SOURCE_DATE_EPOCH", "1700000000"), "2026-01-01T00:00:00Z"))
                .isEqualTo(Instant.ofEpochSecond(1700000000L));
        assertThat(SignMojo.signatureTime(Map.of(), "2026-01-01T00:00:00Z"))
                .isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void reproducibleWithoutAFixedTimeIsRefusedRatherThanStamped1980() {
        // maven-archiver's "unset" is a value of one character; 1980 would predate every key.
        assertThatThrownBy(() -> SignMojo.signatureTime(Map.of(), "x"))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("hermetic.sign.reproducible is true but the build has no fixed time")
                .hasMessageContaining("project.build.outputTimestamp")
                .hasMessageContaining("SOURCE_DATE_EPOCH");
    }

    @Test
    void unparsableTimeNamesTheValue() {
        assertThatThrownBy(() -> SignMojo.signatureTime(Map.of("SOURCE_DATE_EPOCH", "yesterday"), null))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("yesterday");
    }
}
