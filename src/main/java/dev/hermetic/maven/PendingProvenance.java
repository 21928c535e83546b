package dev.hermetic.maven;

import dev.hermetic.attest.DsseSigner;
import dev.hermetic.attest.Provenance;
import dev.hermetic.attest.ResourceDescriptor;
import dev.hermetic.sign.SigningException;
import dev.hermetic.sign.SigningKey;
import dev.hermetic.sign.SigningRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;

/**
 * A module's provenance, all but its subjects, handed by {@code hermetic:provenance} to {@code hermetic:sign}, which
 * runs right after it: sign makes the subjects from the digests of the very bytes it signs (one read of each file),
 * writes the envelope, signs it and lists it in the manifest, in the same all-or-nothing run. Should sign not run
 * (skipped, or already done), it calls {@link HandedToSign.Pending#writeAlone()}: the provenance goal's own way, its own read.
 *
 * @param keyRequired whether hermetic.provenance.required (or hermetic.sign.required as provenance read it) asks
 *     for a key
 */
record PendingProvenance(Path file, String repositoryFileName, boolean keyRequired, Preparation preparation,
        HandedToSign.AloneRun alone) implements HandedToSign.Pending {

    /**
     * Gathers all but the subjects (dependencies, source, parameters): only once sign has a key, so that a build
     * without one hashes nothing for a provenance it will not write.
     */
    @FunctionalInterface
    interface Preparation {
        Prepared prepare() throws MojoExecutionException, MojoFailureException;
    }

    /**
     * @param statement builds the Statement from its subjects
     * @param summary what the log line says after the subjects: the dependencies and the source
     */
    record Prepared(Function<List<ResourceDescriptor>, Provenance> statement, String summary) {
    }

    /** The provenance waiting for this module's sign, removed from the module: it is made (or written) once. */
    static PendingProvenance take(MavenProject project) {
        return HandedToSign.take(project, PendingProvenance.class);
    }

    Prepared prepare() throws MojoExecutionException, MojoFailureException {
        return preparation.prepare();
    }

    /**
     * The envelope for sign's run, its last file: the subjects are the files signed and those made before it in the
     * run (the SBOM), under their repository file names, with the digests of the bytes signed.
     *
     * @param signatureDirectory where the envelope's {@code .asc} and checksums go
     */
    SigningRun.FileMaker maker(Prepared prepared, SigningKey key, Path signatureDirectory, String projectId) {
        return signed -> {
            List<ResourceDescriptor> subjects = new ArrayList<>();
            for (SigningRun.Signed file : signed) {
                if (isSubject(file.source().name())) {
                    subjects.add(ResourceDescriptor.file(file.source().name(), file.digests()));
                }
            }
            Provenance provenance;
            try {
                provenance = prepared.statement().apply(subjects);
            } catch (IllegalArgumentException e) {
                throw new SigningException("cannot write its provenance: " + e.getMessage(), e);
            }
            byte[] line = DsseSigner.sign(provenance, key, "the provenance of " + projectId).toJsonLine();
            return new SigningRun.MadeFile(new SigningRun.FileToSign(file, signatureDirectory, repositoryFileName),
                    line);
        };
    }

    /** Whether a file of the module is one of its provenance's subjects: all but a provenance. */
    static boolean isSubject(String repositoryFileName) {
        return !repositoryFileName.endsWith("." + ProvenanceMojo.TYPE);
    }

    /** The log line once written, as the provenance goal says it when it writes alone. */
    static String written(String repositoryFileName, int subjects, String summary, SigningKey key) {
        return "Wrote " + repositoryFileName + ": " + subjects + " subjects, " + summary + "; signed with key "
                + key.fingerprint();
    }
}
