package dev.hermetic.maven;

import dev.hermetic.attest.Dsse;
import dev.hermetic.attest.ProvenanceFormatException;
import dev.hermetic.attest.ProvenanceVerifier;
import dev.hermetic.sign.OpenPgpCertificate;
import dev.hermetic.sign.SigningException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks a provenance envelope as the CLI's {@code verify-provenance} does ({@link ProvenanceVerifier}): that a key
 * of {@code key} signed it, that each artifact's sha256 and sha512 are those of the subject of its file name, and,
 * given {@code lockfile}, that every Maven dependency it lists has the lockfile's checksum. Any failed check fails
 * the build, each named. Needs no project:
 * {@code mvn hermetic:verify-provenance -Dhermetic.verifyProvenance.key=release.asc
 * -Dhermetic.verifyProvenance.provenance=demo-1.0.intoto.jsonl -Dhermetic.verifyProvenance.artifacts=demo-1.0.jar}.
 */
@Mojo(name = "verify-provenance", threadSafe = true, requiresProject = false)
public class VerifyProvenanceMojo extends HermeticMojo {

    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.verifyProvenance.skip", defaultValue = "false")
    private boolean skip;

    /**
     * The release's public key, armored or binary ({@code gpg --export}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.verifyProvenance.key", required = true)
    private File key;

    /**
     * The provenance to check: a DSSE envelope, {@code <artifactId>-<version>.intoto.jsonl}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.verifyProvenance.provenance", required = true)
    private File provenance;

    /**
     * The files whose digests must be a subject's (comma-separated on the command line).
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.verifyProvenance.artifacts", required = true)
    private List<File> artifacts;

    /**
     * The lockfile of the commit that was built: every Maven dependency of the provenance must match it.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.verifyProvenance.lockfile")
    private File lockfile;

    public VerifyProvenanceMojo() {
        super("verify-provenance");
    }

    @Override
    boolean skipGoal() {
        return skip;
    }

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        List<Path> files = new ArrayList<>();
        for (File artifact : artifacts == null ? List.<File>of() : artifacts) {
            if (!artifact.isFile()) {
                throw new MojoFailureException("Artifact " + artifact + " (hermetic.verifyProvenance.artifacts) is"
                        + " not a file: give the downloaded files to check against the provenance's subjects.");
            }
            files.add(artifact.toPath());
        }
        if (files.isEmpty()) {
            throw new MojoFailureException("No artifact to check against the provenance's subjects: set"
                    + " -Dhermetic.verifyProvenance.artifacts=FILE,FILE...");
        }
        ProvenanceVerifier.Result result;
        try {
            OpenPgpCertificate keys = OpenPgpCertificate.read(read(key, "hermetic.verifyProvenance.key"),
                    "public key file " + key);
            Dsse.Envelope envelope = Dsse.parse(read(provenance, "hermetic.verifyProvenance.provenance"),
                    "provenance file " + provenance);
            result = new ProvenanceVerifier(keys).verify(envelope, provenance.toString(), files,
                    lockfile == null ? null : lockfile.toPath());
        } catch (SigningException | ProvenanceFormatException e) {
            throw new MojoFailureException("Cannot verify " + provenance + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot verify " + provenance + ": " + e.getMessage(), e);
        }
        result.checked().forEach(line -> getLog().info("OK: " + line));
        if (!result.passed()) {
            result.failures().forEach(line -> getLog().error("FAILED: " + line));
            throw new MojoFailureException("hermetic:verify-provenance: " + result.failures().size()
                    + " check(s) of " + provenance + " failed; do not use these artifacts:\n  - "
                    + String.join("\n  - ", result.failures()));
        }
        getLog().info("hermetic:verify-provenance: verified " + provenance);
    }

    private static byte[] read(File file, String parameter) throws MojoFailureException, IOException {
        if (file == null || !file.isFile()) {
            throw new MojoFailureException(parameter + " " + file + " is not a file");
        }
        return Files.readAllBytes(file.toPath());
    }
}
