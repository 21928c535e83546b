package dev.hermetic.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermetic.lock.ArtifactCoordinates;
import dev.hermetic.lock.ArtifactRole;
import dev.hermetic.lock.RuntimeResolutions;
import dev.hermetic.lock.UsedArtifact;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.aether.AbstractRepositoryListener;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositoryEvent;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.ArtifactRepository;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.WorkspaceRepository;
import org.eclipse.aether.transfer.ArtifactNotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResolvedArtifactRecorderTest {

    @TempDir
    Path dir;

    private final DefaultRepositorySystemSession session = new DefaultRepositorySystemSession();

    private RepositoryEvent resolved(Artifact artifact, ArtifactRepository repository, Exception error) {
        RepositoryEvent.Builder b = new RepositoryEvent.Builder(session, RepositoryEvent.EventType.ARTIFACT_RESOLVED)
                .setArtifact(artifact).setRepository(repository);
        if (error != null) {
            b.setException(error);
        }
        return b.build();
    }

    private Artifact withFile(String coords) throws IOException {
        File f = Files.writeString(dir.resolve(coords.replace(':', '_')), coords).toFile();
        return new DefaultArtifact(coords).setFile(f);
    }

    @Test
    void recordsResolvedFilesAndForwardsEveryEvent() throws IOException {
        List<String> forwarded = new ArrayList<>();
        Map<String, String> record = new ConcurrentHashMap<>();
        ResolvedArtifactRecorder recorder = new ResolvedArtifactRecorder(new AbstractRepositoryListener() {
            @Override
            public void artifactResolved(RepositoryEvent event) {
                forwarded.add("resolved " + event.getArtifact());
            }

            @Override
            public void artifactDownloading(RepositoryEvent event) {
                forwarded.add("downloading " + event.getArtifact());
            }
        }, record);
        Artifact jar = withFile("org.example:lib:jar:tests:1.0");
        recorder.artifactResolved(resolved(jar, new LocalRepository(dir.toFile()), null));
        recorder.artifactDownloading(new RepositoryEvent.Builder(session,
                RepositoryEvent.EventType.ARTIFACT_DOWNLOADING).setArtifact(jar).build());

        assertThat(forwarded).containsExactly("resolved org.example:lib:jar:tests:1.0",
                "downloading org.example:lib:jar:tests:1.0");
        Map<ArtifactCoordinates, Path> decoded = RuntimeResolutions.decode(record);
        assertThat(decoded).containsOnlyKeys(new ArtifactCoordinates("org.example", "lib", "1.0", "jar", "tests"));
        assertThat(decoded.values()).containsExactly(jar.getFile().toPath().toAbsolutePath());
    }

    @Test
    void ignoresReactorProjectsFailuresAndMissingFiles() throws IOException {
        ResolvedArtifactRecorder recorder = ResolvedArtifactRecorder.standalone();
        recorder.artifactResolved(resolved(withFile("org.example:sibling:jar:1.0"), new WorkspaceRepository(), null));
        Artifact failed = withFile("org.example:failed:jar:1.0");
        recorder.artifactResolved(resolved(failed, null, new ArtifactNotFoundException(failed, null)));
        recorder.artifactResolved(resolved(new DefaultArtifact("org.example:nofile:jar:1.0"), null, null));
        Artifact pom = withFile("org.example:kept:pom:2.0");
        recorder.artifactResolved(resolved(pom, null, null));

        assertThat(recorder.drain()).containsOnlyKeys(new ArtifactCoordinates("org.example", "kept", "2.0", "pom", ""));
        assertThat(recorder.drain()).as("drain starts a new record").isEmpty();
    }

    @Test
    void namesThePluginWhoseMojoRunsOnTheResolvingThreadAndNoneOnceItEnded() throws IOException {
        Map<String, String> record = new ConcurrentHashMap<>();
        Map<String, String> resolvedBy = new ConcurrentHashMap<>();
        Map<Thread, String> running = new ConcurrentHashMap<>();
        ResolvedArtifactRecorder recorder = new ResolvedArtifactRecorder(null, record, resolvedBy, running);
        Artifact provider = withFile("org.example:provider:jar:1.0");
        Artifact outside = withFile("org.example:outside:jar:1.0");

        running.put(Thread.currentThread(), "org.example:a-maven-plugin");
        recorder.artifactResolved(resolved(provider, null, null));
        running.put(Thread.currentThread(), "org.example:b-maven-plugin");
        recorder.artifactResolved(resolved(provider, null, null));
        running.remove(Thread.currentThread());
        recorder.artifactResolved(resolved(outside, null, null));

        List<UsedArtifact> uses = RuntimeResolutions.uses(record, resolvedBy, "g:root", claim -> true);
        assertThat(uses).extracting(u -> u.coordinates().artifactId() + " " + u.plugin()).containsExactlyInAnyOrder(
                "provider org.example:a-maven-plugin", "provider org.example:b-maven-plugin", "outside ");
        assertThat(uses).allSatisfy(u -> {
            assertThat(u.role()).isEqualTo(ArtifactRole.RUNTIME);
            assertThat(u.module()).isEqualTo("g:root");
        });
        // Each artifact and plugin is claimed once.
        java.util.Set<String> claimed = new java.util.HashSet<>();
        assertThat(RuntimeResolutions.uses(record, resolvedBy, "g:root", claimed::add)).hasSize(3);
        assertThat(RuntimeResolutions.uses(record, resolvedBy, "g:root", claimed::add)).isEmpty();
    }
}
