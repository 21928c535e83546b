package dev.hermetic.lock;

import java.util.Objects;

/**
 * Maven coordinates of one file. {@code classifier} is empty (never null) when absent; {@code extension} is the
 * file extension ({@code jar}, {@code pom}, ...).
 */
public record ArtifactCoordinates(String groupId, String artifactId, String version, String extension,
        String classifier) implements Comparable<ArtifactCoordinates> {

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

    /** Order: groupId, artifactId, version, classifier, extension. */
    @Override
    public int compareTo(ArtifactCoordinates o) {
        // Written out rather than a Comparator chain: lockfiles sort and index thousands of these, often before the
        // JIT has compiled anything.
        int c = groupId.compareTo(o.groupId);
        if (c == 0) {
            c = artifactId.compareTo(o.artifactId);
        }
        if (c == 0) {
            c = version.compareTo(o.version);
        }
        if (c == 0) {
            c = classifier.compareTo(o.classifier);
        }
        return c != 0 ? c : extension.compareTo(o.extension);
    }

    // Written out: a record's generated equals/hashCode costs a cold JVM a bootstrap on first use (bench/records).
    @Override
    public boolean equals(Object o) {
        return o instanceof ArtifactCoordinates c && Objects.equals(groupId, c.groupId)
                && Objects.equals(artifactId, c.artifactId) && Objects.equals(version, c.version)
                && Objects.equals(extension, c.extension) && classifier.equals(c.classifier);
    }

    @Override
    public int hashCode() {
        int h = Objects.hashCode(groupId);
        h = 31 * h + Objects.hashCode(artifactId);
        h = 31 * h + Objects.hashCode(version);
        h = 31 * h + Objects.hashCode(extension);
        return 31 * h + classifier.hashCode();
    }
}
