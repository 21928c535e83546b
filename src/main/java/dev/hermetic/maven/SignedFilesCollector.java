package dev.hermetic.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;

/**
 * Selects what {@code hermetic:sign} signs in one module: the POM, the main artifact (unless the packaging is
 * {@code pom}) and every attached artifact, each with the coordinates its signature and digests are attached under.
 * Attachments that are themselves signatures or checksums (from another plugin, or from a previous run of this
 * goal) are left out: signing a signature is noise, and Maven Resolver would treat their side files as checksums.
 */
final class SignedFilesCollector {

    /** Extensions of files that accompany an artifact rather than being one. */
    private static final List<String> SIDE_FILE_EXTENSIONS =
            List.of(".asc", ".sigstore", ".sig", ".md5", ".sha1", ".sha256", ".sha512");

    /**
     * One file to sign.
     *
     * @param file the bytes that will be installed and deployed
     * @param extension the repository extension ({@code jar}, {@code pom}, {@code tar.gz}), to which {@code .asc},
     *     {@code .sha256}, {@code .sha512} are appended for the side files' type
     * @param classifier the classifier, empty for none; side files keep it
     * @param repositoryFileName the file's name in a Maven repository, e.g. {@code lib-1.0-sources.jar}
     */
    record SignedFile(Path file, String extension, String classifier, String repositoryFileName) {}

    private SignedFilesCollector() {}

    /**
     * @return POM first, then the main artifact, then attachments in attachment order; one entry per repository
     *     file name
     * @throws MojoFailureException when the main artifact or an attachment is not a built file
     */
    static List<SignedFile> collect(MavenProject project) throws MojoFailureException {
        Map<String, SignedFile> files = new LinkedHashMap<>();
        Path pom = project.getFile() == null ? null : project.getFile().toPath();
        if (pom == null || !Files.isRegularFile(pom)) {
            throw new MojoFailureException("The POM of " + project.getId() + " is not a file (" + pom
                    + "), so it cannot be signed: hermetic:sign needs a project read from a pom.xml on disk.");
        }
        add(files, project, pom, "pom", "");

        if (!"pom".equals(project.getPackaging())) {
            Artifact main = project.getArtifact();
            Path file = main.getFile() == null ? null : main.getFile().toPath();
            if (file == null || !Files.isRegularFile(file)) {
                throw new MojoFailureException("The main artifact of " + project.getId() + " has not been built ("
                        + (file == null ? "no file" : file + " is not a file") + "), so it cannot be signed."
                        + " hermetic:sign runs in the verify phase, after package: run `mvn verify` (or install,"
                        + " deploy) rather than calling the goal alone.");
            }
            add(files, project, file, main.getArtifactHandler().getExtension(), main.getClassifier());
        }

        for (Artifact attached : project.getAttachedArtifacts()) {
            String extension = attached.getArtifactHandler().getExtension();
            if (isSideFile(extension)) {
                continue;
            }
            Path file = attached.getFile() == null ? null : attached.getFile().toPath();
            if (file == null || !Files.isRegularFile(file)) {
                throw new MojoFailureException("The attached artifact " + attached.getId() + " of " + project.getId()
                        + " is not a file (" + file + "), so it cannot be signed. Check the plugin that attached it"
                        + " (it must run before the verify phase).");
            }
            add(files, project, file, extension, attached.getClassifier());
        }
        return new ArrayList<>(files.values());
    }

    /**
     * The attachment already made under {@code type} and {@code classifier}, or under a type whose repository
     * extension is {@code type} (a type without its own handler, as {@code jar.sha512}, has itself as extension):
     * either would be replaced by, or deployed to the same path as, a new attachment with these coordinates.
     *
     * @param classifier empty for none
     */
    static Optional<Artifact> attachedAs(MavenProject project, String type, String classifier) {
        return project.getAttachedArtifacts().stream()
                .filter(a -> classifier.equals(a.getClassifier() == null ? "" : a.getClassifier()))
                .filter(a -> type.equals(a.getType()) || type.equals(a.getArtifactHandler().getExtension()))
                .findFirst();
    }

    /** Whether an attachment with this repository extension is a signature or a checksum, not an artifact. */
    static boolean isSideFile(String extension) {
        String e = "." + extension.toLowerCase(Locale.ROOT);
        return SIDE_FILE_EXTENSIONS.stream().anyMatch(e::endsWith);
    }

    /** {@code artifactId-version[-classifier].extension}, as the Maven 2 repository layout names it. */
    static String repositoryFileName(String artifactId, String version, String classifier, String extension) {
        return artifactId + "-" + version + (classifier.isEmpty() ? "" : "-" + classifier)
                + (extension.isEmpty() ? "" : "." + extension);
    }

    private static void add(Map<String, SignedFile> files, MavenProject project, Path file, String extension,
            String classifier) {
        String c = classifier == null ? "" : classifier;
        String name = repositoryFileName(project.getArtifactId(), project.getVersion(), c, extension);
        // Maven keeps one attachment per coordinates; the same guard here keeps the manifest free of duplicates.
        files.putIfAbsent(name, new SignedFile(file, extension, c, name));
    }
}
