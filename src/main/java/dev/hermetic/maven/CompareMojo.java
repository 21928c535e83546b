package dev.hermetic.maven;

import dev.hermetic.buildinfo.Buildinfo;
import dev.hermetic.compare.BuildComparator;
import dev.hermetic.compare.BuildcompareWriter;
import dev.hermetic.compare.CauseTable;
import dev.hermetic.compare.CompareReport;
import dev.hermetic.compare.ConsoleReport;
import dev.hermetic.compare.FileComparison;
import dev.hermetic.compare.HtmlReport;
import dev.hermetic.compare.JsonReport;
import dev.hermetic.digest.DigestAlgorithm;
import dev.hermetic.digest.DigestManifest;
import dev.hermetic.io.AtomicFile;
import dev.hermetic.sign.OpenPgpCertificate;
import dev.hermetic.sign.SigningException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.inject.Inject;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;

/**
 * Compares what this build produced (every module's POM, main artifact and attachments, by the file names a Maven
 * repository gives them) with a reference: a directory of artifacts, a digest manifest written by
 * {@code hermetic:sign}, or the same coordinates resolved from a Maven repository (Maven Central unless told
 * otherwise). Prints each difference with its cause and fix, writes {@code hermetic-compare.json},
 * {@code hermetic-compare.html} and maven-artifact-plugin's {@code .buildcompare} in the root module's
 * {@code target/}, and fails the build when files differ unless {@code hermetic.compare.fail} is false.
 *
 * <p>Runs once per reactor, in the reactor's last module, which under {@code -T} first waits for the others
 * ({@link OncePerReactor}).
 */
@Mojo(name = "compare", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = true)
public class CompareMojo extends HermeticMojo {

    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.compare.skip", defaultValue = "false")
    private boolean skip;

    /**
     * A directory holding the reference artifacts (found by the file name a Maven repository gives them, in the
     * directory, under the repository layout, or anywhere below), a digest manifest ({@code *.sha256sum}) written
     * by {@code hermetic:sign}, or a {@code .buildinfo} (ours or maven-artifact-plugin's): against these two only
     * checksums can be compared. A relative path is taken from the
     * directory Maven runs in (not from each module's). When set, {@code referenceRepository} is not used.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.compare.reference")
    private String reference;

    /**
     * The OpenPGP public key file (ASCII-armored or binary, {@code gpg --armor --export <fingerprint>}) that signed a
     * digest manifest given as {@code reference}: its signature ({@code <manifest>.asc}) is then verified before the
     * manifest is used, and a missing or bad signature fails the build. Without it, the signature is not checked and
     * the log says so. A relative path is taken from the directory Maven runs in.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.compare.publicKey")
    private String publicKey;

    /**
     * The Maven repository to resolve the reference artifacts from, by this build's coordinates:
     * {@code id::url}, or the id of a repository declared in the POM or settings (or of the distribution
     * repository). The artifacts are resolved into a private local repository under {@code target/}, never from the
     * reactor or your local repository.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.compare.referenceRepository", defaultValue = "central")
    private String referenceRepository;

    /**
     * Whether differences (or files missing in the reference) fail the build.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.compare.fail", defaultValue = "true")
    private boolean fail;

    /**
     * Glob patterns of file names not to compare, e.g. {@code *.asc} or {@code *-javadoc.jar}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.compare.ignore")
    private List<String> ignore;

    /**
     * A cause table of your own (format in docs/compare.md), tried before the built-in one.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.compare.causes")
    private File causes;

    /**
     * How many differences the console shows per file; the JSON and HTML reports keep them all.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.compare.show", defaultValue = "" + ConsoleReport.DEFAULT_SHOWN)
    private int show;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    private MojoExecution mojoExecution;

    private final RepositorySystem repositorySystem;

    @Inject
    public CompareMojo(RepositorySystem repositorySystem) {
        super("compare");
        this.repositorySystem = repositorySystem;
    }

    @Override
    boolean skipGoal() {
        return skip;
    }

    /** One file this build produced, with the coordinates it is deployed under. */
    record Output(String fileName, Path file, String groupId, String artifactId, String version, String classifier,
            String extension) {}

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        if (!OncePerReactor.claim(CompareMojo.class, session, project, mojoExecution, getLog())) {
            getLog().info("hermetic:compare compares the whole reactor once its last module is built");
            return;
        }
        MavenProject root = OncePerReactor.executionRoot(session, project);
        Path target = Path.of(root.getBuild().getDirectory());
        Map<String, Path> actual = new TreeMap<>();
        List<Output> outputs = outputs();
        for (Output output : outputs) {
            actual.putIfAbsent(output.fileName(), output.file());
        }
        CompareReport report;
        try {
            Files.createDirectories(target);
            CauseTable table = causes == null ? CauseTable.builtIn() : CauseTable.withUserRules(causes.toPath());
            BuildComparator comparator = new BuildComparator(table, ignore == null ? List.of() : ignore, target);
            String here = "this build (" + outputs.size() + " files of " + session.getProjects().size() + " module"
                    + (session.getProjects().size() == 1 ? ")" : "s)");
            if (reference != null) {
                // Maven would resolve a File parameter against the module that runs the comparison: any of them.
                Path path = fromWhereMavenRuns(reference);
                report = compareWithPath(comparator, path, here, actual, outputs);
            } else {
                ReferenceRepository repository = new ReferenceRepository(repositorySystem, session, root);
                Path privateRepository = target.resolve("hermetic-compare-reference");
                ReferenceRepository.Resolved resolved =
                        repository.resolve(referenceRepository, outputs, privateRepository);
                getLog().info("Reference: " + resolved.description() + ", resolved into " + privateRepository);
                report = comparator.compare(resolved.description(), here, resolved.files(), actual);
            }
        } catch (CauseTable.CauseTableException e) {
            throw new MojoFailureException("hermetic:compare: the cause table " + e.getMessage());
        } catch (IOException e) {
            throw new MojoFailureException("hermetic:compare: " + e.getMessage());
        }
        for (String line : ConsoleReport.lines(report, show, ConsoleReport.diffoscopeOnPath(System.getenv("PATH")))) {
            getLog().info(line);
        }
        Path json = target.resolve("hermetic-compare.json");
        Path html = target.resolve("hermetic-compare.html");
        Path buildcompare = target.resolve(root.getArtifactId() + "-" + root.getVersion() + ".buildcompare");
        try {
            AtomicFile.write(json, JsonReport.write(report));
            AtomicFile.write(html, HtmlReport.write(report));
            AtomicFile.write(buildcompare, BuildcompareWriter.write(report, root.getVersion()));
        } catch (IOException e) {
            throw new MojoExecutionException("hermetic:compare: cannot write the reports in " + target + ": "
                    + e.getMessage(), e);
        }
        getLog().info("Reports: " + html + ", " + json + ", " + buildcompare);
        if (report.identical()) {
            return;
        }
        long notOk = report.files().size() - report.count(FileComparison.Verdict.IDENTICAL)
                - report.count(FileComparison.Verdict.IGNORED);
        String message = notOk + " of " + report.files().size() + " files are not identical to the reference ("
                + report.summary() + "). What differs, why and the fix: " + html + " (machine-readable: " + json + ")";
        if (!fail) {
            getLog().warn(message + "; hermetic.compare.fail is false, so the build goes on");
            return;
        }
        throw new MojoFailureException(message + ". To report without failing: -Dhermetic.compare.fail=false");
    }

    private CompareReport compareWithPath(BuildComparator comparator, Path path, String here, Map<String, Path> actual,
            List<Output> outputs) throws IOException, MojoFailureException {
        if (!Files.exists(path)) {
            throw new MojoFailureException("hermetic:compare: the reference " + path + " does not exist"
                    + " (hermetic.compare.reference): give a directory of artifacts, a digest manifest written by"
                    + " hermetic:sign or a .buildinfo");
        }
        if (Files.isDirectory(path)) {
            getLog().info("Reference: the directory " + path);
            return comparator.compare(path.toString(), here, referenceFiles(path, outputs), actual);
        }
        if (path.getFileName().toString().endsWith(".buildinfo")) {
            List<Buildinfo.Output> listed = Buildinfo.readOutputs(path);
            getLog().info("Reference: the .buildinfo " + path + " (" + listed.size() + " files): only checksums can be"
                    + " compared, so a differing file is named but not explained");
            return comparator.compare(path.toString(), listed, here, actual);
        }
        DigestManifest manifest;
        try {
            manifest = DigestManifest.read(path, DigestAlgorithm.SHA_256);
        } catch (IOException e) {
            throw new MojoFailureException("hermetic:compare: the reference " + path + " is neither a directory nor a"
                    + " digest manifest (" + e.getMessage() + ")");
        }
        getLog().info("Reference: the digest manifest " + path + " (" + manifest.entries().size()
                + " files): only checksums can be compared, so a differing file is named but not explained");
        checkSignature(path);
        return comparator.compare(path.toString(), manifest, here, actual);
    }

    /** Verifies the manifest's detached signature with {@code publicKey}, or says that it was not checked. */
    private void checkSignature(Path manifest) throws IOException, MojoFailureException {
        Path signature = Path.of(manifest + ".asc");
        if (publicKey == null || publicKey.isBlank()) {
            getLog().warn("The manifest's signature " + (Files.exists(signature) ? signature + " was not checked" : "is"
                    + " absent (no " + signature.getFileName() + ")") + ": give the signer's public key with"
                    + " -Dhermetic.compare.publicKey=FILE to verify it, or check it with `gpg --verify` before trusting"
                    + " the result");
            return;
        }
        if (!Files.isRegularFile(signature)) {
            throw new MojoFailureException("hermetic:compare: the digest manifest " + manifest + " has no signature "
                    + signature + ", so it cannot be verified with " + publicKey + ": use the manifest hermetic:sign"
                    + " deployed with its .asc, or leave out hermetic.compare.publicKey");
        }
        Path key = fromWhereMavenRuns(publicKey);
        OpenPgpCertificate certificate;
        try {
            certificate = OpenPgpCertificate.read(Files.readAllBytes(key), "public key file " + key);
        } catch (NoSuchFileException e) {
            throw new MojoFailureException("hermetic:compare: the public key file " + key + " does not exist"
                    + " (hermetic.compare.publicKey)");
        } catch (SigningException e) {
            throw new MojoFailureException("hermetic:compare: " + e.getMessage());
        }
        OpenPgpCertificate.Verdict verdict = certificate.verify(Files.readAllBytes(manifest),
                Files.readAllBytes(signature));
        if (!verdict.valid()) {
            throw new MojoFailureException("hermetic:compare: the signature " + signature + " of the digest manifest"
                    + " does not verify: " + verdict.problem() + ". The manifest cannot be trusted as a reference.");
        }
        getLog().info("The manifest's signature " + signature.getFileName() + " is good: signed by key "
                + verdict.signer());
    }

    /** A path given on the command line, taken from the directory Maven runs in (not the comparing module's). */
    private Path fromWhereMavenRuns(String path) {
        return Path.of(session.getExecutionRootDirectory()).resolve(path).normalize();
    }

    /**
     * The reference file for each output: at the repository layout path, directly in the directory, or the only
     * file of that name anywhere below it.
     */
    static Map<String, Path> referenceFiles(Path directory, List<Output> outputs) throws IOException {
        Map<String, List<Path>> byName = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.filter(Files::isRegularFile).forEach(p -> byName.computeIfAbsent(p.getFileName().toString(),
                    n -> new ArrayList<>()).add(p));
        }
        Map<String, Path> files = new TreeMap<>();
        for (Output output : outputs) {
            Path layout = directory.resolve(output.groupId().replace('.', '/')).resolve(output.artifactId())
                    .resolve(output.version()).resolve(output.fileName());
            Path flat = directory.resolve(output.fileName());
            List<Path> found = byName.getOrDefault(output.fileName(), List.of());
            if (Files.isRegularFile(layout)) {
                files.put(output.fileName(), layout);
            } else if (Files.isRegularFile(flat)) {
                files.put(output.fileName(), flat);
            } else if (found.size() == 1) {
                files.put(output.fileName(), found.get(0));
            } else if (found.size() > 1) {
                throw new IOException("the reference directory " + directory + " holds " + found.size() + " files named "
                        + output.fileName() + " (" + found + "): keep one, or lay them out as a Maven repository"
                        + " (groupId/artifactId/version/)");
            }
        }
        return files;
    }

    /** Every module's POM, main artifact and attachments (signatures and checksums left out), as deployed. */
    private List<Output> outputs() {
        List<Output> outputs = new ArrayList<>();
        for (MavenProject module : session.getProjects()) {
            if (module.getFile() != null) {
                outputs.add(output(module, module.getFile(), "", "pom"));
            }
            Artifact main = module.getArtifact();
            if (!"pom".equals(module.getPackaging()) && main.getFile() != null && main.getFile().isFile()) {
                outputs.add(output(module, main.getFile(), main.getClassifier(), main.getArtifactHandler().getExtension()));
            }
            for (Artifact attached : module.getAttachedArtifacts()) {
                String extension = attached.getArtifactHandler().getExtension();
                if (!SignedFilesCollector.isSideFile(extension) && attached.getFile() != null
                        && attached.getFile().isFile()) {
                    outputs.add(output(module, attached.getFile(), attached.getClassifier(), extension));
                }
            }
        }
        return outputs;
    }

    private static Output output(MavenProject module, File file, String classifier, String extension) {
        String c = classifier == null ? "" : classifier;
        return new Output(SignedFilesCollector.repositoryFileName(module.getArtifactId(), module.getVersion(), c,
                extension), file.toPath(), module.getGroupId(), module.getArtifactId(), module.getVersion(), c,
                extension);
    }
}
