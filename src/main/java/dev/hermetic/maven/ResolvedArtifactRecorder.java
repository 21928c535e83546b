package dev.hermetic.maven;

import dev.hermetic.lock.ArtifactCoordinates;
import dev.hermetic.lock.ArtifactRole;
import dev.hermetic.lock.UsedArtifact;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.eclipse.aether.RepositoryEvent;
import org.eclipse.aether.RepositoryListener;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.repository.WorkspaceRepository;

/**
 * A repository listener that records every artifact the resolver hands out (file included), then forwards the event
 * to the listener it replaces.
 *
 * <p>The records live in a {@code Map<String, String>} (coordinates key to file path) rather than in a type of ours:
 * the lifecycle participant that installs the recorder and the mojo that reads it may be loaded by different class
 * realms, which share only JDK types. For the same reason, which plugin resolved what is a second map (coordinates
 * key to the comma-separated {@code groupId:artifactId} of the plugins whose mojos were running on the resolving
 * thread), fed by a third one that the mojo-execution listener keeps: the plugin each thread is running a mojo of,
 * removed when that mojo ends.
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
        Map<ArtifactCoordinates, Path> copy = decode(resolved);
        resolved.clear();
        return copy;
    }

    /** Decodes a record written by any realm's recorder. */
    static Map<ArtifactCoordinates, Path> decode(Map<String, String> record) {
        Map<ArtifactCoordinates, Path> out = new TreeMap<>();
        record.forEach((k, v) -> out.put(coordinates(k), Path.of(v)));
        return out;
    }

    /** The coordinates of a {@link #key}. */
    private static ArtifactCoordinates coordinates(String key) {
        String[] p = key.split(":", -1);
        return new ArtifactCoordinates(p[0], p[1], p[4], p[2], p[3]);
    }

    /**
     * The recorded artifacts as run-time uses of {@code module}: one per artifact and plugin that resolved it (plugin
     * empty when no mojo was running on the resolving thread), each only if {@code claim} accepts its claim key
     * ({@code <coordinates key> <plugin>}).
     */
    static List<UsedArtifact> runtimeUses(Map<String, String> record, Map<String, String> resolvedBy, String module,
            Predicate<String> claim) {
        List<UsedArtifact> uses = new ArrayList<>();
        for (Map.Entry<String, String> e : record.entrySet()) {
            String plugins = resolvedBy == null ? null : resolvedBy.get(e.getKey());
            for (String plugin : plugins == null ? List.of("") : Arrays.asList(plugins.split(","))) {
                if (claim.test(e.getKey() + " " + plugin)) {
                    uses.add(new UsedArtifact(coordinates(e.getKey()), Path.of(e.getValue()), ArtifactRole.RUNTIME, "",
                            module, plugin));
                }
            }
        }
        return uses;
    }

    /** Comma-separated union of two comma-separated lists, sorted. */
    private static String union(String a, String b) {
        TreeSet<String> all = new TreeSet<>(Arrays.asList(a.split(",")));
        all.addAll(Arrays.asList(b.split(",")));
        return String.join(",", all);
    }

    /** {@code groupId:artifactId:extension:classifier:version}, the classifier possibly empty. */
    static String key(Artifact a) {
        return a.getGroupId() + ":" + a.getArtifactId() + ":" + a.getExtension() + ":" + a.getClassifier() + ":"
                + a.getVersion();
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
                    resolvedBy.merge(key, plugin, ResolvedArtifactRecorder::union);
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
