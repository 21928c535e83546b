package dev.hermetic.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.project.MavenProject;

/**
 * Selects the files of a module that {@code hermetic:normalize} (and, before signing, {@code hermetic:sign})
 * must pass to the normalizer: the main artifact and every attached artifact, as they are at the moment of the
 * call. Whether a file is an archive is decided by the core from its content, not here.
 */
final class ArchiveCollector {

    private ArchiveCollector() {}

    /**
     * @param excludedClassifiers attached artifacts with one of these classifiers are left out
     * @return existing regular files, main artifact first, then attachments in attachment order, no duplicates
     */
    static List<Path> collect(MavenProject project, Collection<String> excludedClassifiers) {
        Set<Path> files = new LinkedHashSet<>();
        addIfRegularFile(files, project.getArtifact(), project);
        for (Artifact attached : project.getAttachedArtifacts()) {
            String classifier = attached.getClassifier() == null ? "" : attached.getClassifier();
            if (!excludedClassifiers.contains(classifier)) {
                addIfRegularFile(files, attached, project);
            }
        }
        return new ArrayList<>(files);
    }

    private static void addIfRegularFile(Set<Path> files, Artifact artifact, MavenProject project) {
        if (artifact == null || artifact.getFile() == null) {
            return;
        }
        Path file = artifact.getFile().toPath().toAbsolutePath().normalize();
        // A main "artifact" can be target/classes (goal run before package) or the POM itself (pom packaging).
        boolean isPom = project.getFile() != null
                && file.equals(project.getFile().toPath().toAbsolutePath().normalize());
        if (!isPom && Files.isRegularFile(file)) {
            files.add(file);
        }
    }
}
