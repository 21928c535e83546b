package dev.hermetic.maven;

import dev.hermetic.archive.ArchiveNormalizer;
import dev.hermetic.archive.ArchiveProblemException;
import dev.hermetic.archive.NormalizationOptions;
import dev.hermetic.archive.NormalizationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
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
 * module calls {@link #normalizeAgainIfConfigured} first, which normalizes whatever was attached since. A file
 * this step has already normalized, with the same settings, and that nobody has rewritten since (same size,
 * modification time and file key) comes out {@code UNCHANGED} without being read again: in PORTABLE mode reading
 * it would mean inflating and deflating every entry once more. Everything runs in the module's own thread, and
 * the record lives on its {@link MavenProject}, so this is safe under {@code -T}.
 */
public final class NormalizeStep {

    /** Key of the {@link Settings} in {@link MavenProject#getContextValue(String)}. */
    private static final String SETTINGS_KEY = "dev.hermetic.normalize.settings";

    /** Key of the per-module {@code Map<Path, Known>}: what this step last saw of each file, and did to it. */
    static final String KNOWN_KEY = "dev.hermetic.normalize.known";

    /** What identifies a file's bytes without reading them; any rewrite changes at least one of these. */
    record FileState(long size, long modifiedNanos, Object fileKey) {
        /** The file's state, or null if it cannot be read now (then it equals no state seen before). */
        static FileState of(Path file) {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                return new FileState(a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS), a.fileKey());
            } catch (IOException e) {
                return null;
            }
        }

        // equals and hashCode are written out in the records compared on every normalize goal: a record's
        // generated ones are bootstrapped by invokedynamic, which in Maven's cold JVM spun about 40 method-handle
        // classes the first time (30-40 ms at the end of the goal, measured on kotlin-compiler-embeddable).
        @Override
        public boolean equals(Object o) {
            return o instanceof FileState f && size == f.size && modifiedNanos == f.modifiedNanos
                    && Objects.equals(fileKey, f.fileKey);
        }

        @Override
        public int hashCode() {
            return (Long.hashCode(size) * 31 + Long.hashCode(modifiedNanos)) * 31 + Objects.hashCode(fileKey);
        }
    }

    /**
     * A file as last seen: its state then, and, if this step normalized it in that state, with which settings
     * and what came out (both null when the file was only seen, e.g. a signature written by one of our goals).
     */
    record Known(FileState state, Settings settings, NormalizationResult result) {}

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

        /** Written out, as in {@link FileState}. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Settings s && Objects.equals(options, s.options)
                    && excludedClassifiers.equals(s.excludedClassifiers);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(options) * 31 + excludedClassifiers.hashCode();
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
        return run(project, files, settings, log::info, log::warn);
    }

    /**
     * Normalizes the given files of one module, except those it normalized before with the same settings and
     * that are unchanged since; {@code info} and {@code warn} receive one line per file (a mojo passes its
     * {@link Log}, the extension's {@link LateAttachmentNormalizer} its own logger).
     */
    static List<NormalizationResult> run(MavenProject project, List<Path> files, Settings settings,
            Consumer<String> info, Consumer<String> warn) throws MojoFailureException, MojoExecutionException {
        Map<Path, Known> known = knownIn(project);
        ArchiveNormalizer normalizer = new ArchiveNormalizer(settings.options());
        List<NormalizationResult> results = new ArrayList<>();
        for (Path file : files) {
            NormalizationResult result = unchangedSinceNormalized(known.get(file), settings, file);
            if (result == null) {
                // Read, and possibly rewritten: the record takes the file as the normalizer left it. A skipped
                // file keeps its record as it is.
                result = normalize(normalizer, file);
                FileState after = FileState.of(file);
                if (after != null) {
                    known.put(file, new Known(after, settings, result));
                }
            }
            logResult(info, warn, result);
            results.add(result);
        }
        return results;
    }

    /**
     * What normalizing the file would give, if this step normalized it with these settings and nobody has touched
     * it since; null if it must be read.
     */
    private static NormalizationResult unchangedSinceNormalized(Known known, Settings settings, Path file) {
        if (known == null || known.result() == null || !settings.equals(known.settings())
                || !known.state().equals(FileState.of(file))) {
            return null;
        }
        NormalizationResult last = known.result();
        if (last.outcome() != NormalizationResult.Outcome.NORMALIZED) {
            return last; // UNCHANGED, NOT_AN_ARCHIVE or SKIPPED_SIGNED again, for the same reason
        }
        return new NormalizationResult(last.file(), NormalizationResult.Outcome.UNCHANGED, last.entries(),
                "not rewritten since it was normalized", last.sha256());
    }

    /** The files not seen before, or changed since they were last seen (new attachments, rewritten files). */
    static List<Path> changedSinceSeen(MavenProject project, List<Path> files) {
        Map<Path, Known> known = knownIn(project);
        List<Path> changed = new ArrayList<>();
        for (Path file : files) {
            Known last = known.get(file);
            if (last == null || !Objects.equals(last.state(), FileState.of(file))) {
                changed.add(file);
            }
        }
        return changed;
    }

    /**
     * Records the files' current states as seen, without normalizing them (after one of our own goals, which
     * leave every archive normalized and may write files of their own, such as signatures).
     */
    static void markSeen(MavenProject project, List<Path> files) {
        Map<Path, Known> known = knownIn(project);
        for (Path file : files) {
            FileState state = FileState.of(file);
            Known last = known.get(file);
            if (state != null && (last == null || !state.equals(last.state()))) {
                known.put(file, new Known(state, null, null));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<Path, Known> knownIn(MavenProject project) {
        Object known = project.getContextValue(KNOWN_KEY);
        if (known == null) {
            known = new ConcurrentHashMap<Path, Known>();
            project.setContextValue(KNOWN_KEY, known);
        }
        return (Map<Path, Known>) known;
    }

    private static NormalizationResult normalize(ArchiveNormalizer normalizer, Path file)
            throws MojoFailureException, MojoExecutionException {
        try {
            return normalizer.normalize(file);
        } catch (ArchiveProblemException e) {
            throw new MojoFailureException("Cannot normalize " + e.getMessage()
                    + ". Fix the plugin that produced " + file.getFileName()
                    + ", or leave this attachment alone with <excludeClassifiers> of hermetic:normalize.", e);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot read or rewrite " + file + ": " + e
                    + ". Check the file's permissions and the free space in " + file.getParent() + ".", e);
        }
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
