package dev.hermetic.maven;

import dev.hermetic.lock.ArtifactCoordinates;
import dev.hermetic.lock.RuntimeResolutions;
import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.aether.RepositoryEvent;
import org.eclipse.aether.RepositoryListener;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.repository.WorkspaceRepository;

/**
 * A repository listener that records every artifact the resolver hands out (file included), then forwards the event
 * to the listener it replaces.
 *
 * <p>The records live in JDK maps ({@link RuntimeResolutions} owns their format) rather than in a type of ours: the
 * lifecycle participant that installs the recorder and the mojo that reads it may be loaded by different class
 * realms, which share only JDK types. Which plugin resolved what is fed by a third map that the mojo-execution
 * listener keeps: the plugin each thread is running a mojo of, removed when that mojo ends.
 */
final class ResolvedArtifactRecorder implements RepositoryListener {

    /** Session data key of the plugins that resolved each recorded artifact. */
    static final String RESOLVED_BY_KEY = "dev.hermetic.resolvedBy";

    /** Session data key of the plugin each thread is running a mojo of. */
    static final String RUNNING_KEY = "dev.hermetic.running";

    private final RepositoryListener delegate;
    private final Map<String, String> resolved;
    private final Map<String, String> resolvedBy;
    private final Map<Thread, String> running;

    ResolvedArtifactRecorder(RepositoryListener delegate, Map<String, String> resolved) {
        this(delegate, resolved, new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
    }

    /**
     * @param resolved the record: coordinates key to file
     * @param resolvedBy coordinates key to the plugins that resolved it
     * @param running the plugin whose mojo each thread runs
     */
    ResolvedArtifactRecorder(RepositoryListener delegate, Map<String, String> resolved,
            Map<String, String> resolvedBy, Map<Thread, String> running) {
        this.delegate = delegate;
        this.resolved = resolved;
        this.resolvedBy = resolvedBy;
        this.running = running;
    }

    /** A recorder with a fresh record and no delegate. */
    static ResolvedArtifactRecorder standalone() {
        return new ResolvedArtifactRecorder(null, new ConcurrentHashMap<>());
    }

    /** The live record: coordinates key ({@link #key}) to absolute file path. */
    Map<String, String> record() {
        return resolved;
    }

    /** Returns what was recorded so far, sorted, and starts a new record. For sequential use only. */
    Map<ArtifactCoordinates, Path> drain() {
        Map<ArtifactCoordinates, Path> copy = RuntimeResolutions.decode(resolved);
        resolved.clear();
        return copy;
    }

    /** The artifact's key in the record ({@link RuntimeResolutions#key}). */
    static String key(Artifact a) {
        return RuntimeResolutions.key(a.getGroupId(), a.getArtifactId(), a.getExtension(), a.getClassifier(),
                a.getVersion());
    }

    @Override
    public void artifactResolved(RepositoryEvent event) {
        Artifact artifact = event.getArtifact();
        // Reactor projects come from the workspace: they are built from source, not locked.
        if (artifact != null && event.getException() == null && !(event.getRepository() instanceof WorkspaceRepository)) {
            File file = artifact.getFile();
            if (file != null && file.isFile()) {
                String key = key(artifact);
                String plugin = running.get(Thread.currentThread());
                if (plugin != null) {
                    // Before the record: whoever reads a key there finds who resolved it.
                    resolvedBy.merge(key, plugin, RuntimeResolutions::union);
                }
                resolved.put(key, file.getAbsolutePath());
            }
        }
        if (delegate != null) {
            delegate.artifactResolved(event);
        }
    }

    // Everything else is only forwarded.

    @Override
    public void artifactDescriptorInvalid(RepositoryEvent event) {
        if (delegate != null) {
            delegate.artifactDescriptorInvalid(event);
        }
    }

    @Override
    public void artifactDescriptorMissing(RepositoryEvent event) {
        if (delegate != null) {
            delegate.artifactDescriptorMissing(event);
        }
    }

    @Override
    public void metadataInvalid(RepositoryEvent event) {
        if (delegate != null) {
            delegate.metadataInvalid(event);
        }
    }

    @Override
    public void artifactResolving(RepositoryEvent event) {
        if (delegate != null) {
            delegate.artifactResolving(event);
        }
    }

    @Override
    public void metadataResolving(RepositoryEvent event) {
        if (delegate != null) {
            delegate.metadataResolving(event);
        }
    }

    @Override
    public void metadataResolved(RepositoryEvent event) {
        if (delegate != null) {
            delegate.metadataResolved(event);
        }
    }

    @Override
    public void artifactDownloading(RepositoryEvent event) {
        if (delegate != null) {
            delegate.artifactDownloading(event);
        }
    }

    @Override
    public void artifactDownloaded(RepositoryEvent event) {
        if (delegate != null) {
            delegate.artifactDownloaded(event);
        }
    }

    @Override
    public void metadataDownloading(RepositoryEvent event) {
        if (delegate != null) {
            delegate.metadataDownloading(event);
        }
    }

    @Override
    public void metadataDownloaded(RepositoryEvent event) {
        if (delegate != null) {
            delegate.metadataDownloaded(event);
        }
    }

    @Override
    public void artifactInstalling(RepositoryEvent event) {
        if (delegate != null) {
            delegate.artifactInstalling(event);
        }
    }

    @Override
    public void artifactInstalled(RepositoryEvent event) {
        if (delegate != null) {
            delegate.artifactInstalled(event);
        }
    }

    @Override
    public void metadataInstalling(RepositoryEvent event) {
        if (delegate != null) {
            delegate.metadataInstalling(event);
        }
    }

    @Override
    public void metadataInstalled(RepositoryEvent event) {
        if (delegate != null) {
            delegate.metadataInstalled(event);
        }
    }

    @Override
    public void artifactDeploying(RepositoryEvent event) {
        if (delegate != null) {
            delegate.artifactDeploying(event);
        }
    }

    @Override
    public void artifactDeployed(RepositoryEvent event) {
        if (delegate != null) {
            delegate.artifactDeployed(event);
        }
    }

    @Override
    public void metadataDeploying(RepositoryEvent event) {
        if (delegate != null) {
            delegate.metadataDeploying(event);
        }
    }

    @Override
    public void metadataDeployed(RepositoryEvent event) {
        if (delegate != null) {
            delegate.metadataDeployed(event);
        }
    }
}
