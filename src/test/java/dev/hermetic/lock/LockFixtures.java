package dev.hermetic.lock;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds small fake local repositories for the lock tests. */
final class LockFixtures {

    static final BuildEnvironment ENV = new BuildEnvironment("3.9.16", "17.0.15", "Debian", "");

    private LockFixtures() {}

    static ArtifactCoordinates coords(String text) {
        String[] p = text.split(":");
        return p.length == 4 ? new ArtifactCoordinates(p[0], p[1], p[3], p[2], "")
                : new ArtifactCoordinates(p[0], p[1], p[4], p[2], p[3]);
    }

    /** Writes {@code content} at the artifact's place in {@code repo} and returns the file. */
    static Path put(Path repo, String coordinates, String content) throws IOException {
        Path file = repo.resolve(coords(coordinates).repositoryPath());
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    static UsedArtifact use(Path repo, String coordinates, ArtifactRole role, String scope, String module) {
        return use(repo, coordinates, role, scope, module, "");
    }

    /** A use that {@code plugin} pulled in (its dependency, or resolved while it ran). */
    static UsedArtifact use(Path repo, String coordinates, ArtifactRole role, String scope, String module,
            String plugin) {
        return new UsedArtifact(coords(coordinates), repo.resolve(coords(coordinates).repositoryPath()), role, scope,
                module, plugin);
    }
}
