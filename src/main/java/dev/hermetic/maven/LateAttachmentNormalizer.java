package dev.hermetic.maven;

import java.nio.file.Path;
import java.util.List;
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
 * <p>After every mojo it hashes each of the module's files once and compares the SHA-256 with what
 * {@link NormalizationLedger} saw last (size and modification time would miss a rewrite in place within one tick of the
 * clock); only files whose bytes differ are normalized. Per-module state lives on the {@link MavenProject}, which
 * only that module's thread touches, so this is safe under {@code -T}.
 */
public class LateAttachmentNormalizer implements MojoExecutionListener {

    private static final Logger LOG = LoggerFactory.getLogger(LateAttachmentNormalizer.class);

    @Override
    public void beforeMojoExecution(MojoExecutionEvent event) {
        // Nothing to do before a mojo: what matters is what it leaves behind.
    }

    @Override
    public void afterMojoExecutionSuccess(MojoExecutionEvent event) throws MojoExecutionException {
        MavenProject project = event.getProject();
        NormalizationLedger.Settings settings = project == null ? null : NormalizationLedger.settingsOf(project);
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
    static void normalizeChanged(MavenProject project, NormalizationLedger.Settings settings, MojoExecution after)
            throws MojoExecutionException, MojoFailureException {
        List<Path> files = ArchiveCollector.collect(project, settings.excludedClassifiers());
        if (after == null) {
            NormalizationLedger.markSeen(project, files);
            return;
        }
        // Not every attachment is an archive (.asc files of maven-gpg-plugin): the lines logged say which is.
        NormalizationLedger.normalizeChangedSinceSeen(project, files, settings,
                changed -> LOG.info("hermetic: {} attached or rewrote {} file(s) after hermetic:normalize;"
                        + " normalizing them", describe(after), changed),
                LOG::info, LOG::warn);
    }

    private static String describe(MojoExecution execution) {
        return execution.getArtifactId() + ":" + execution.getGoal() + " (" + execution.getExecutionId() + ")";
    }
}
