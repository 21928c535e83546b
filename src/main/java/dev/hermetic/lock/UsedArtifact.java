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
 * @param plugin the plugin or extension ({@code groupId:artifactId}) that pulled it in: for a plugin's dependency,
 *     an extension's dependency, or what a plugin resolved while it ran; empty otherwise (and when not known)
 */
public record UsedArtifact(ArtifactCoordinates coordinates, Path file, ArtifactRole role, String scope, String module,
        String plugin) {
    public UsedArtifact {
        scope = scope == null ? "" : scope;
        plugin = plugin == null ? "" : plugin;
    }

    /** An observation that no plugin pulled in (a module's dependency, a plugin itself, a POM, ...). */
    public UsedArtifact(ArtifactCoordinates coordinates, Path file, ArtifactRole role, String scope, String module) {
        this(coordinates, file, role, scope, module, "");
    }
}
