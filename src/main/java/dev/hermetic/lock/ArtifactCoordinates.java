package dev.hermetic.lock;

import java.util.Comparator;

/**
 * Maven coordinates of one file. {@code classifier} is empty (never null) when absent; {@code extension} is the
 * file extension ({@code jar}, {@code pom}, ...).
 */
public record ArtifactCoordinates(String groupId, String artifactId, String version, String extension,
        String classifier) implements Comparable<ArtifactCoordinates> {

    private static final Comparator<ArtifactCoordinates> ORDER = Comparator
            .comparing(ArtifactCoordinates::groupId)
            .thenComparing(ArtifactCoordinates::artifactId)
            .thenComparing(ArtifactCoordinates::version)
            .thenComparing(ArtifactCoordinates::classifier)
            .thenComparing(ArtifactCoordinates::extension);

    public ArtifactCoordinates {
        classifier = classifier == null ? "" : classifier;
    }

    /** {@code groupId:artifactId:extension[:classifier]:version}, Maven's usual order. */
    @Override
    public String toString() {
        return groupId + ":" + artifactId + ":" + extension + (classifier.isEmpty() ? "" : ":" + classifier) + ":"
                + version;
    }

    /** Path of this artifact inside a Maven local repository, with '/' separators. */
    public String repositoryPath() {
        return groupId.replace('.', '/') + "/" + artifactId + "/" + version + "/" + artifactId + "-" + version
                + (classifier.isEmpty() ? "" : "-" + classifier) + "." + extension;
    }

    @Override
    public int compareTo(ArtifactCoordinates o) {
        return ORDER.compare(this, o);
    }
}
