package dev.hermetic.maven;

import dev.hermetic.lock.ArtifactCoordinates;
import dev.hermetic.lock.LockfileCache;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoFailureException;

/**
 * What {@code hermetic:verify} left in the session for the goals that describe the build (provenance, SBOM): whether
 * it checked the build against the lockfile, so that they take the lockfile's digests instead of hashing again.
 */
final class VerifyOutcome {

    private static final String LOCKFILES_KEY = "dev.hermetic.lockfiles";

    private VerifyOutcome() {}

    /**
     * The lockfile at {@code path}, read and hashed now, parsed once for the whole reactor ({@link LockfileCache}: by
     * its bytes' SHA-256).
     */
    static LockfileCache.Read lockfile(MavenSession session, Path path) throws IOException {
        return BuildScoped.get(session, LOCKFILES_KEY, LockfileCache.class, LockfileCache::new).read(path);
    }

    /**
     * Whether {@code hermetic:verify} checked this build against the lockfile: before the first mojo (extension
     * mode) or as a goal, which then has finished for the reactor (a failure would have stopped the build).
     */
    static boolean verifiedAgainstLockfile(MavenSession session) throws MojoFailureException {
        var data = session.getRepositorySession().getData();
        if (data.get(VerifyMojo.VERIFIED_KEY) != null) {
            return true;
        }
        if (!(data.get(VerifyMojo.RUN_KEY) instanceof CompletableFuture<?> run)) {
            return false;
        }
        try {
            run.get();
            return true;
        } catch (ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoFailureException("Interrupted while waiting for the reactor's verification", e);
        }
    }

    /** The coordinates under which the lockfile lists a resolved artifact: its base version, its file extension. */
    static ArtifactCoordinates lockfileCoordinates(Artifact a) {
        return new ArtifactCoordinates(a.getGroupId(), a.getArtifactId(), a.getBaseVersion(),
                a.getArtifactHandler().getExtension(), a.getClassifier() == null ? "" : a.getClassifier());
    }
}
