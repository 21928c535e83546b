package dev.hermetic.maven;

import dev.hermetic.buildinfo.Buildinfo;
import dev.hermetic.digest.DigestAlgorithm;
import dev.hermetic.digest.RecordedDigests;
import dev.hermetic.sign.SigningException;
import dev.hermetic.sign.SigningRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.project.MavenProject;

/**
 * The reactor's {@code .buildinfo}, all but its own module's measures, handed by {@code hermetic:buildinfo} to
 * {@code hermetic:sign}, which runs right after it in the reactor's last module: sign makes it in its run from the
 * digests of the read that signs the module's files (so none is read twice), then signs it, lists it in the manifest
 * and makes it a provenance subject. Should sign not run (skipped, no key, or already done), it calls
 * {@link HandedToSign.Pending#writeAlone()}: the buildinfo goal's own way.
 *
 * @param plan the files to list, measured when the file is made
 * @param repositoryFileName the file's name as attached to this module
 * @param sbomNames the module's SBOM files sign makes before this one (the SBOM goal ran before buildinfo), measured
 *     from their bytes in memory: they are not in place yet
 * @param counts how the outputs were measured, for the log line
 */
record PendingBuildinfo(Plan plan, String repositoryFileName, List<String> sbomNames, Counts counts,
        HandedToSign.AloneRun alone) implements HandedToSign.Pending {

    /** One output to list: its repository file name and where it is. */
    record OutputFile(String groupId, String filename, Path file) {}

    /** One module's outputs, in the order the POM, the main artifact and the attachments come. */
    record ModuleFiles(String groupId, String artifactId, List<OutputFile> outputs) {}

    /**
     * The {@code .buildinfo} to write, all but its measures.
     *
     * @param file where it is written (the root module's {@code target/})
     * @param root the root module's id, for messages
     */
    record Plan(Path file, String root, Buildinfo.Header header, boolean aggregated, List<ModuleFiles> modules) {

        int files() {
            return modules.stream().mapToInt(m -> m.outputs().size()).sum();
        }

        /** The {@code .buildinfo}, each output measured by {@code measure}. */
        Buildinfo measure(Measure measure) throws IOException {
            List<Buildinfo.Module> measured = new ArrayList<>();
            for (ModuleFiles module : modules) {
                List<Buildinfo.Output> outputs = new ArrayList<>();
                for (OutputFile output : module.outputs()) {
                    outputs.add(measure.of(output));
                }
                measured.add(new Buildinfo.Module(module.groupId(), module.artifactId(), outputs));
            }
            return new Buildinfo(header, aggregated, measured);
        }

        /**
         * Each output's length and SHA-512: {@code recorded}'s when the file is unchanged since a read that recorded
         * them (hermetic:sign's), else read now; counted in {@code counts}.
         */
        Buildinfo measure(RecordedDigests recorded, Counts counts) throws IOException {
            return measure(output -> measure(output, recorded, counts));
        }

        private static Buildinfo.Output measure(OutputFile output, RecordedDigests recorded, Counts counts)
                throws IOException {
            boolean wasRecorded = recorded.find(output.file(), DigestAlgorithm.SHA_512).isPresent();
            RecordedDigests.Measured measured = recorded.measure(output.file(), DigestAlgorithm.SHA_512);
            counts.count(wasRecorded);
            return new Buildinfo.Output(output.groupId(), output.filename(), measured.length(),
                    measured.digests().get(DigestAlgorithm.SHA_512));
        }
    }

    /** The length and SHA-512 of one output file. */
    @FunctionalInterface
    interface Measure {
        Buildinfo.Output of(OutputFile output) throws IOException;
    }

    /** How many outputs came measured by hermetic:sign's read, and how many were read here. */
    static final class Counts {
        private int fromSign;
        private int readHere;

        void count(boolean measuredBySign) {
            if (measuredBySign) {
                fromSign++;
            } else {
                readHere++;
            }
        }

        /** The end of the log line. */
        String describe() {
            return fromSign + " measured by hermetic:sign's read, " + readHere + " read here";
        }
    }

    /** The {@code .buildinfo} waiting for this module's sign, removed from the module: made (or written) once. */
    static PendingBuildinfo take(MavenProject project) {
        return HandedToSign.take(project, PendingBuildinfo.class);
    }

    /**
     * The {@code .buildinfo} for sign's run. The digests the run read for the files it signed are recorded first,
     * with the stamps the files had before that read, so each is trusted only while its file keeps that stamp; the
     * SBOM made before it is measured from its bytes in memory; any other file from {@code recorded}, read if it
     * changed since or was never signed.
     *
     * @param signatureDirectory where its {@code .asc} and checksums go
     */
    SigningRun.FileMaker maker(RecordedDigests recorded, Path signatureDirectory) {
        return signed -> {
            Map<String, SigningRun.Signed> made = new HashMap<>();
            for (SigningRun.Signed s : signed) {
                if (sbomNames.contains(s.source().name())) {
                    made.put(s.source().name(), s);
                } else {
                    s.stamp().ifPresent(stamp -> recorded.record(s.source().file(), stamp, s.digests()));
                }
            }
            Buildinfo buildinfo;
            try {
                buildinfo = plan.measure(output -> {
                    SigningRun.Signed sbom = made.get(output.filename());
                    if (sbom == null) {
                        return Plan.measure(output, recorded, counts);
                    }
                    counts.count(true); // a made file is always stamped: staged from memory
                    return new Buildinfo.Output(output.groupId(), output.filename(), sbom.stamp().orElseThrow().size(),
                            sbom.digests().get(DigestAlgorithm.SHA_512));
                });
            } catch (IOException e) {
                throw new SigningException("cannot write the .buildinfo: " + e, e);
            }
            return new SigningRun.MadeFile(new SigningRun.FileToSign(plan.file(), signatureDirectory,
                    repositoryFileName), buildinfo.write().getBytes(StandardCharsets.UTF_8));
        };
    }
}
