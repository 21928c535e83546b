package dev.hermetic.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.maven.execution.MojoExecutionEvent;
import org.apache.maven.execution.MojoExecutionListener;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extension mode: once {@code hermetic:normalize} has run in a module, every archive that another mojo attaches
 * or rewrites afterwards is normalized as soon as that mojo finishes, before the next mojo can read, sign, install
 * or deploy it. This is what makes "every archive attached by the end of {@code verify} is normalized" hold
 * whatever order the plugins are declared in, including a plugin declared after this one that attaches in
 * {@code verify} itself, which the second {@code normalize} execution cannot see.
 *
 * <p>Cheap when nothing changed: after every mojo it compares each archive's size, modification time and file
 * key with what it saw last, and reads only files that differ. Per-module state lives on the {@link MavenProject},
 * which only that module's thread touches, so this is safe under {@code -T}.
 */
public class LateAttachmentNormalizer implements MojoExecutionListener {

    /** Key of the per-module {@code Map<Path, FileState>} in {@link MavenProject#getContextValue(String)}. */
    static final String SEEN_KEY = "dev.hermetic.normalize.seen";

    private static final Logger LOG = LoggerFactory.getLogger(LateAttachmentNormalizer.class);

    /** What identifies a file's bytes without reading them; any rewrite changes at least one of these. */
    record FileState(long size, long modifiedNanos, Object fileKey) {
        static FileState of(Path file) throws IOException {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new FileState(a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS), a.fileKey());
        }
    }

    @Override
    public void beforeMojoExecution(MojoExecutionEvent event) {
        // Nothing to do before a mojo: what matters is what it leaves behind.
    }

    @Override
    public void afterMojoExecutionSuccess(MojoExecutionEvent event) throws MojoExecutionException {
        MavenProject project = event.getProject();
        NormalizeStep.Settings settings = project == null ? null : NormalizeStep.settingsOf(project);
        if (settings == null) {
            return; // hermetic:normalize has not run in this module (yet): nothing is promised here.
        }
        MojoExecution execution = event.getExecution();
        boolean ours = HermeticLifecycleParticipant.GROUP_ID.equals(execution.getGroupId())
                && HermeticLifecycleParticipant.ARTIFACT_ID.equals(execution.getArtifactId());
        try {
            normalizeChanged(project, settings, ours ? null : execution);
        } catch (MojoFailureException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    @Override
    public void afterExecutionFailure(MojoExecutionEvent event) {
        // The build stops anyway; normalizing what a failed mojo left behind would only hide its error.
    }

    /**
     * Normalizes the module's archives that are new or changed since last seen, then remembers them all.
     *
     * @param after the mojo that ran, or null after one of this plugin's own goals, which leave every archive
     *     normalized: then the files are only remembered
     */
    static void normalizeChanged(MavenProject project, NormalizeStep.Settings settings, MojoExecution after)
            throws MojoExecutionException, MojoFailureException {
        Map<Path, FileState> seen = seenIn(project);
        List<Path> files = ArchiveCollector.collect(project, settings.excludedClassifiers());
        if (after != null) {
            List<Path> changed = files.stream().filter(f -> !Objects.equals(seen.get(f), stateOrNull(f))).toList();
            if (!changed.isEmpty()) {
                // Not every attachment is an archive (.asc files of maven-gpg-plugin): the lines below say which is.
                LOG.info("hermetic: {} attached or rewrote {} file(s) after hermetic:normalize; normalizing them",
                        describe(after), changed.size());
                NormalizeStep.run(changed, settings, LOG::info, LOG::warn);
            }
        }
        for (Path file : files) {
            FileState state = stateOrNull(file);
            if (state != null) {
                seen.put(file, state);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<Path, FileState> seenIn(MavenProject project) {
        Object seen = project.getContextValue(SEEN_KEY);
        if (seen == null) {
            seen = new ConcurrentHashMap<Path, FileState>();
            project.setContextValue(SEEN_KEY, seen);
        }
        return (Map<Path, FileState>) seen;
    }

    private static FileState stateOrNull(Path file) {
        try {
            return FileState.of(file);
        } catch (IOException e) {
            return null; // Unreadable now: unequal to any state seen, so the normalizer reports the real error.
        }
    }

    private static String describe(MojoExecution execution) {
        return execution.getArtifactId() + ":" + execution.getGoal() + " (" + execution.getExecutionId() + ")";
    }
}
