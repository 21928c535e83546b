package dev.hermetic.vendor;

import dev.hermetic.lock.ArtifactCoordinates;
import dev.hermetic.lock.Lockfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One vendoring, as {@code hermetic:vendor} and the command line's {@code vendor} do it: the lockfile's artifacts of
 * one build into the {@link VendoredRepository}, the {@link MirrorSettings} beside it, and, if asked, the
 * {@link VendorArchive}.
 *
 * @param directory the vendored repository (absolute)
 * @param result what the repository's update did
 * @param artifacts how many artifacts the repository holds
 * @param settings the settings file written
 * @param command the command that builds from the vendored repository alone, from the project's root
 * @param archive the archive written, or null
 * @param gitignoreAdvice what to add to the project's {@code .gitignore}, or null when it already ignores the
 *     vendored directory (or the directory is outside the project)
 */
public record Vendoring(Path directory, VendoredRepository.Result result, int artifacts, Path settings,
        String command, Path archive, String gitignoreAdvice) {

    /**
     * @param lockfile the lockfile of the one build to vendor ({@link Lockfile#forBuild})
     * @param leaveOut artifacts not to vendor (the reactor's own modules)
     * @param localFile where the local repository keeps an artifact
     * @param directory the vendored repository; the settings file goes beside it
     * @param root the project's root, where Maven is to be started
     * @param archive whether to pack the repository and the settings too
     * @throws VendorException when a locked file is missing or altered (then nothing was written), or the directory
     *     is someone else's
     */
    public static Vendoring run(Lockfile lockfile, Predicate<ArtifactCoordinates> leaveOut,
            Function<ArtifactCoordinates, Path> localFile, Path directory, Path root, boolean archive)
            throws VendorException, IOException {
        List<VendoredRepository.Artifact> artifacts = lockfile.artifacts().stream()
                .filter(a -> !leaveOut.test(a.coordinates()))
                .map(a -> new VendoredRepository.Artifact(a.coordinates(), a.digest(), localFile.apply(a.coordinates())))
                .toList();
        VendoredRepository repository = new VendoredRepository(directory, lockfile.algorithm());
        VendoredRepository.Result result = repository.update(artifacts);
        Path settings = repository.directory().resolveSibling("settings.xml");
        String command = MirrorSettings.write(settings, repository.directory(), root);
        Path packed = archive ? VendorArchive.write(repository.directory(), settings) : null;
        return new Vendoring(repository.directory(), result, artifacts.size(), settings, command, packed,
                gitignoreAdvice(root, settings.getParent()));
    }

    /**
     * Advice when the project's root {@code .gitignore} does not name the directory that holds the vendored
     * repository (a line {@code .hermetic}, {@code /.hermetic} or {@code **}{@code /.hermetic}, with or without a
     * trailing {@code /}, {@code /*} or {@code /**}): tools that scan
     * the tree (Apache RAT, which every Apache parent POM binds, honours {@code .gitignore}) would read thousands of
     * vendored files, and the local repository beside them.
     */
    static String gitignoreAdvice(Path root, Path holder) throws IOException {
        Path base = root.toAbsolutePath().normalize();
        Path absolute = holder.toAbsolutePath().normalize();
        if (!absolute.startsWith(base) || absolute.equals(base)) {
            return null;
        }
        String name = base.relativize(absolute).toString().replace(absolute.getFileSystem().getSeparator(), "/");
        Path gitignore = base.resolve(".gitignore");
        if (Files.isRegularFile(gitignore)) {
            for (String line : Files.readAllLines(gitignore, StandardCharsets.UTF_8)) {
                String entry = line.strip().replaceFirst("^(/|\\*\\*/)", "").replaceFirst("/(\\*\\*?)?$", "");
                if (entry.equals(name)) {
                    return null;
                }
            }
        }
        return "add the line /" + name + "/ to " + gitignore + ": tools that scan the project's files (Apache RAT, "
                + "bound by every Apache parent POM, honours .gitignore) would otherwise read the vendored files and "
                + "the local repository beside them. Committing the vendored repository instead? Exclude " + name
                + "/** from such tools.";
    }

    /** {@code copied N, unchanged M, repaired R, removed K (X MB copied)}. */
    public String counts() {
        return String.format(java.util.Locale.ROOT, "copied %d, unchanged %d, repaired %d, removed %d (%.1f MB copied)",
                result.copied(), result.unchanged(), result.repaired(), result.removed(), result.bytesCopied() / 1e6);
    }

    /** How to use the archive on a machine without network, or null when none was written. */
    public String archiveAdvice() {
        return archive == null ? null : "packed " + archive + " (" + archive.toFile().length() / 1000 + " kB); on a "
                + "machine without network, unpack it into the project's .hermetic/: mkdir -p .hermetic && tar -xzf "
                + archive.getFileName() + " -C .hermetic";
    }
}
