package dev.hermetic.maven;

import dev.hermetic.archive.ArchiveNormalizer;
import dev.hermetic.archive.ArchiveProblemException;
import dev.hermetic.archive.NormalizationOptions;
import dev.hermetic.archive.NormalizationResult;
import dev.hermetic.digest.DigestAlgorithm;
import dev.hermetic.digest.HexDigests;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/**
 * The ledger of what was normalized in a module (each file's SHA-256 as last seen, and the settings and result if it
 * was normalized then), and the normalization pass it serves, shared by {@code hermetic:normalize} and by any goal
 * that must see normalized bytes whatever the order of the plugins (notably {@code hermetic:sign}).
 *
 * <p>{@code hermetic:normalize} records its settings on the {@link MavenProject}; a later goal of the same module
 * calls {@link #normalizeAgainIfConfigured} first, which normalizes whatever was attached since. A file the ledger
 * says was normalized, with the same settings, and whose bytes hash now to what the normalizer wrote, comes out
 * {@code UNCHANGED} without being normalized again: in PORTABLE mode that would mean inflating and deflating every
 * entry once more, where hashing reads the file once. Size, modification time and file key are not trusted: a
 * plugin can rewrite a file in place with the same size within one tick of the clock, or put its time back.
 * Everything runs in the module's own thread, and the ledger lives on its {@link MavenProject}, so this is safe
 * under {@code -T}.
 */
public final class NormalizationLedger {

    /** Key of the {@link Settings} in {@link MavenProject#getContextValue(String)}. */
    private static final String SETTINGS_KEY = "dev.hermetic.normalize.settings";

    /** Key of the per-module {@code Map<Path, Known>}: what was last seen of each file, and done to it. */
    static final String KNOWN_KEY = "dev.hermetic.normalize.known";

    /**
     * A file as last seen: the SHA-256 of its bytes then, and, if it was normalized to those bytes, with which
     * settings and what came out (both null when the file was only seen, e.g. a signature written by one of our
     * goals).
     */
    record Known(String sha256, Settings settings, NormalizationResult result) {}

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

        // Written out: generated ones bootstrap through invokedynamic, far slower on a cold JVM (bench/records).
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

    private NormalizationLedger() {}

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
     *
     * @param sha256ByFile the SHA-256 of files the caller has just read in this goal, for instance the bytes it is
     *     about to sign (may be empty): those are not read again to tell whether they are still normalized
     */
    public static List<NormalizationResult> normalizeAgainIfConfigured(MavenProject project, Log log,
            Map<Path, String> sha256ByFile) throws MojoFailureException, MojoExecutionException {
        Settings settings = settingsOf(project);
        if (settings == null) {
            return List.of();
        }
        Map<Path, String> hashedNow = new HashMap<>();
        sha256ByFile.forEach((file, sha256) -> hashedNow.put(file.toAbsolutePath().normalize(), sha256));
        return run(project, ArchiveCollector.collect(project, settings.excludedClassifiers()), hashedNow, settings,
                log::info, log::warn);
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
     * Normalizes the given files of one module, except those it normalized before with the same settings and whose
     * bytes are still those the normalizer wrote; {@code info} and {@code warn} receive one line per file (a mojo
     * passes its {@link Log}, the extension's {@link LateAttachmentNormalizer} its own logger).
     */
    static List<NormalizationResult> run(MavenProject project, List<Path> files, Settings settings,
            Consumer<String> info, Consumer<String> warn) throws MojoFailureException, MojoExecutionException {
        return run(project, files, Map.of(), settings, info, warn);
    }

    /**
     * As {@link #run(MavenProject, List, Settings, Consumer, Consumer)}, with the SHA-256 of some files hashed by the
     * caller moments ago in this same goal (so that no file is hashed twice in a row); the others are hashed here.
     */
    private static List<NormalizationResult> run(MavenProject project, List<Path> files, Map<Path, String> hashedNow,
            Settings settings, Consumer<String> info, Consumer<String> warn)
            throws MojoFailureException, MojoExecutionException {
        Map<Path, Known> known = knownIn(project);
        ArchiveNormalizer normalizer = new ArchiveNormalizer(settings.options());
        List<NormalizationResult> results = new ArrayList<>();
        for (Path file : files) {
            NormalizationResult result = unchangedSinceNormalized(known.get(file), settings, file, hashedNow);
            if (result == null) {
                // The record takes the SHA-256 of the bytes the normalizer left (written, or found already normal).
                result = normalize(normalizer, file);
                known.put(file, new Known(result.sha256(), settings, result));
            }
            logResult(info, warn, result);
            results.add(result);
        }
        return results;
    }

    /**
     * What normalizing the file would give, if it was normalized here with these settings and its bytes are still
     * the ones the normalizer left; null if it must be normalized.
     */
    private static NormalizationResult unchangedSinceNormalized(Known known, Settings settings, Path file,
            Map<Path, String> hashedNow) throws MojoExecutionException {
        if (known == null || known.result() == null || !settings.equals(known.settings())) {
            return null;
        }
        String sha256 = hashedNow.get(file);
        if (!known.sha256().equals(sha256 != null ? sha256 : sha256(file))) {
            return null;
        }
        NormalizationResult last = known.result();
        if (last.outcome() != NormalizationResult.Outcome.NORMALIZED) {
            return last; // UNCHANGED, NOT_AN_ARCHIVE or SKIPPED_SIGNED again, for the same reason
        }
        return new NormalizationResult(last.file(), NormalizationResult.Outcome.UNCHANGED, last.entries(),
                "not rewritten since it was normalized", last.sha256());
    }

    /**
     * Extension mode, after another plugin's mojo: normalizes the files not seen before or whose bytes changed since
     * they were last seen (new attachments, files rewritten in place or replaced), each hashed once. Returns the
     * results of those only; {@code announce} gets their number first, if there are any.
     */
    static List<NormalizationResult> normalizeChangedSinceSeen(MavenProject project, List<Path> files,
            Settings settings, IntConsumer announce, Consumer<String> info, Consumer<String> warn)
            throws MojoFailureException, MojoExecutionException {
        Map<Path, Known> known = knownIn(project);
        Map<Path, String> changed = new LinkedHashMap<>();
        for (Path file : files) {
            Known last = known.get(file);
            String sha256 = sha256(file);
            if (last == null || !last.sha256().equals(sha256)) {
                changed.put(file, sha256);
            }
        }
        if (changed.isEmpty()) {
            return List.of();
        }
        announce.accept(changed.size());
        return run(project, List.copyOf(changed.keySet()), changed, settings, info, warn);
    }

    /**
     * Records the files not seen before as seen, without normalizing them: after one of our own goals, which leave
     * every archive normalized (through {@link #run}, which records each file it read) and may write files of their
     * own, such as signatures. Files already recorded keep their record, which our goals kept current.
     */
    static void markSeen(MavenProject project, List<Path> files) throws MojoExecutionException {
        Map<Path, Known> known = knownIn(project);
        for (Path file : files) {
            if (!known.containsKey(file)) {
                known.put(file, new Known(sha256(file), null, null));
            }
        }
    }

    private static String sha256(Path file) throws MojoExecutionException {
        try {
            return HexDigests.digest(file, DigestAlgorithm.SHA_256);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot read " + file + " to check whether it is still normalized: " + e
                    + ". Check that the plugin that attached it left the file in place, readable.", e);
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
