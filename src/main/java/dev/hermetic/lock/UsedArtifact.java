package dev.hermetic.lock;

import java.nio.file.Path;

/**
 * One observation made by the build-tool adapter: this module used this file, in this role.
 *
 * @param coordinates the artifact
 * @param file the resolved file (in the local repository)
 * @param role why it is used
 * @param scope the dependency scope, or empty for non-dependencies
 * @param module the module ({@code groupId:artifactId}) that uses it
 */
public record UsedArtifact(ArtifactCoordinates coordinates, Path file, ArtifactRole role, String scope, String module) {
    public UsedArtifact {
        scope = scope == null ? "" : scope;
    }
}
