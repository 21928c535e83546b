package dev.hermetic.maven;

import dev.hermetic.digest.DigestAlgorithm;
import dev.hermetic.digest.MultiDigest;
import dev.hermetic.sbom.CycloneDxSbom;
import dev.hermetic.sign.SigningException;
import dev.hermetic.sign.SigningRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

/**
 * A module's SBOM, all but its own hashes (components, graph, licenses), handed by {@code hermetic:sbom} to
 * {@code hermetic:sign}, which runs right after it: sign takes the module's hashes from its one read of the module's
 * artifact (after any late normalization), writes the SBOM file(s), signs them and lists them in the manifest, in the
 * same all-or-nothing run, before the provenance is made (the SBOM is one of its subjects). Should sign not run
 * (skipped, no key, or already done), it calls {@link HandedToSign.Pending#writeAlone()}: the SBOM goal's own way, its own read.
 *
 * @param files the files to write, one per type asked for
 * @param moduleFile the module's own artifact (its POM when it packages nothing), whose hashes the SBOM holds
 * @param sbom the SBOM, given the module's hashes
 * @param summary what the log line says after the file names
 */
record PendingSbom(List<SbomFile> files, Path moduleFile, Function<Map<DigestAlgorithm, String>, CycloneDxSbom> sbom,
        String summary, HandedToSign.AloneRun alone) implements HandedToSign.Pending {

    /** One SBOM file: its type ({@code json}, {@code xml}), where it is written and its repository file name. */
    record SbomFile(String type, Path file, String repositoryFileName) {
        byte[] content(CycloneDxSbom sbom) {
            return "xml".equals(type) ? sbom.toXml() : sbom.toJson();
        }
    }

    /** The SBOM waiting for this module's sign, removed from the module: it is made (or written) once. */
    static PendingSbom take(MavenProject project) {
        return HandedToSign.take(project, PendingSbom.class);
    }

    /** The SBOM waiting for this module's sign, left in place; null when none waits. */
    static PendingSbom peek(MavenProject project) {
        return HandedToSign.peek(project, PendingSbom.class);
    }

    /**
     * The SBOM files for sign's run, one maker per file, built once: the module's hashes are those of its artifact
     * as the run read it.
     *
     * @param signatureDirectory where their {@code .asc} and checksums go
     */
    List<SigningRun.FileMaker> makers(Path signatureDirectory) {
        CycloneDxSbom[] built = new CycloneDxSbom[1];
        List<SigningRun.FileMaker> makers = new ArrayList<>();
        for (SbomFile file : files) {
            makers.add(signed -> {
                if (built[0] == null) {
                    built[0] = sbom.apply(moduleDigests(signed));
                }
                return new SigningRun.MadeFile(new SigningRun.FileToSign(file.file(), signatureDirectory,
                        file.repositoryFileName()), file.content(built[0]));
            });
        }
        return makers;
    }

    /** The module artifact's digests from the run's read of it; read here only if the run did not sign it. */
    private Map<DigestAlgorithm, String> moduleDigests(List<SigningRun.Signed> signed) throws SigningException {
        Path module = moduleFile.toAbsolutePath().normalize();
        for (SigningRun.Signed s : signed) {
            if (s.source().file().toAbsolutePath().normalize().equals(module)) {
                return s.digests();
            }
        }
        try {
            return MultiDigest.read(moduleFile, EnumSet.allOf(DigestAlgorithm.class)).hex();
        } catch (IOException e) {
            throw new SigningException("cannot read " + moduleFile + " for its SBOM's hashes: " + e, e);
        }
    }

    /** Attaches the SBOM files, made by sign, and marks the module as having its SBOM. */
    void attach(MavenProjectHelper helper, MavenProject project) {
        files.forEach(f -> SbomMojo.attach(helper, project, f.type(), f.file()));
    }

    /** The log line once written, as the SBOM goal says it when it writes alone. */
    String written() {
        return written(files.stream().map(SbomFile::repositoryFileName).toList(), summary);
    }

    static String written(List<String> names, String summary) {
        return "Wrote " + String.join(" and ", names) + ": " + summary;
    }
}
