package dev.hermetic.maven;

import dev.hermetic.archive.ArchiveNormalizer;
import dev.hermetic.archive.ArchiveProblemException;
import dev.hermetic.archive.NormalizationOptions;
import dev.hermetic.archive.NormalizationResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/**
 * One pass of normalization over a module's archives, shared by {@code hermetic:normalize} and by any goal
 * that must see normalized bytes whatever the order of the plugins (notably {@code hermetic:sign}).
 *
 * <p>{@code hermetic:normalize} records its settings on the {@link MavenProject}; a later goal of the same
 * module calls {@link #normalizeAgainIfConfigured} first, which normalizes whatever was attached since (files
 * already normalized come out {@code UNCHANGED}, untouched). Both run in the module's own thread, so this is
 * safe under {@code -T}.
 */
public final class NormalizeStep {

    /** Key of the {@link Settings} in {@link MavenProject#getContextValue(String)}. */
    private static final String SETTINGS_KEY = "dev.hermetic.normalize.settings";

    /**
     * What {@code hermetic:normalize} was configured with in one module.
     *
     * @param options the normalizer's options, timestamp included
     * @param excludedClassifiers attached artifacts left alone
     */
    public record Settings(NormalizationOptions options, Set<String> excludedClassifiers) {
        public Settings {
            excludedClassifiers = Set.copyOf(excludedClassifiers);
        }
    }

    private NormalizeStep() {}

    static void remember(MavenProject project, Settings settings) {
        project.setContextValue(SETTINGS_KEY, settings);
    }

    /** The settings {@code hermetic:normalize} used in this module, or null if it has not run there. */
    static Settings settingsOf(MavenProject project) {
        return project.getContextValue(SETTINGS_KEY) instanceof Settings s ? s : null;
    }

    /**
     * For goals that run after {@code hermetic:normalize} and need normalized bytes (signing, checksums):
     * normalizes every archive of the module with the settings {@code hermetic:normalize} used, if it ran in
     * this module; does nothing (and returns an empty list) otherwise.
     */
    public static List<NormalizationResult> normalizeAgainIfConfigured(MavenProject project, Log log)
            throws MojoFailureException, MojoExecutionException {
        Settings settings = settingsOf(project);
        return settings == null ? List.of() : run(project, settings, log);
    }

    static List<NormalizationResult> run(MavenProject project, Settings settings, Log log)
            throws MojoFailureException, MojoExecutionException {
        List<Path> files = ArchiveCollector.collect(project, settings.excludedClassifiers());
        if (files.isEmpty()) {
            log.info("No artifact file in " + project.getArtifactId() + " yet: nothing to normalize");
        }
        return run(files, settings, log::info, log::warn);
    }

    /**
     * Normalizes the given files of one module; {@code info} and {@code warn} receive one line per file (a mojo
     * passes its {@link Log}, the extension's {@link LateAttachmentNormalizer} its own logger).
     */
    static List<NormalizationResult> run(List<Path> files, Settings settings, Consumer<String> info,
            Consumer<String> warn) throws MojoFailureException, MojoExecutionException {
        ArchiveNormalizer normalizer = new ArchiveNormalizer(settings.options());
        List<NormalizationResult> results = new ArrayList<>();
        for (Path file : files) {
            NormalizationResult result;
            try {
                result = normalizer.normalize(file);
            } catch (ArchiveProblemException e) {
                throw new MojoFailureException("Cannot normalize " + e.getMessage()
                        + ". Fix the plugin that produced " + file.getFileName()
                        + ", or leave this attachment alone with <excludeClassifiers> of hermetic:normalize.", e);
            } catch (IOException e) {
                throw new MojoExecutionException("Cannot read or rewrite " + file + ": " + e
                        + ". Check the file's permissions and the free space in " + file.getParent() + ".", e);
            }
            logResult(info, warn, result);
            results.add(result);
        }
        return results;
    }

    private static void logResult(Consumer<String> info, Consumer<String> warn, NormalizationResult result) {
        Path file = result.file();
        String sha256 = result.sha256();
        String detail = result.detail() == null || result.detail().isBlank() ? "" : " (" + result.detail() + ")";
        String line = String.format("%-14s %s sha256:%s%s", result.outcome(), file.getFileName(), sha256, detail);
        if (result.outcome() == NormalizationResult.Outcome.SKIPPED_SIGNED) {
            // The core's detail says why; the level makes it stand out: this file stays as unreproducible as it came.
            warn.accept(line);
        } else {
            info.accept(line);
        }
    }
}
