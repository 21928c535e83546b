package dev.hermetic.lock;

import dev.hermetic.digest.DigestAlgorithm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The lockfile model: every artifact a build uses, with its checksum. Immutable; artifacts sorted by coordinates.
 *
 * <p>How the pieces fit (none of them knows Maven):
 * <ul>
 *   <li>{@link #create(Collection, DigestAlgorithm, BuildEnvironment)} hashes what the build-tool adapter observed
 *       ({@link UsedArtifact}s) into a lockfile;</li>
 *   <li>{@link LockfileWriter#write(Lockfile, Path)} / {@link LockfileWriter#render(Lockfile)} write its one text
 *       form (byte-stable); {@link LockfileReader#read(Path)} reads it back, failing with a
 *       {@link LockfileFormatException} that names the line;</li>
 *   <li>{@link LockfileVerifier} compares a build against it and returns a {@link VerificationReport};
 *       {@link ReactorVerification} does so for a whole reactor with its {@link VerifySettings};</li>
 *   <li>{@link LockfileDrift} says how the file on disk differs from the one locking would write;</li>
 *   <li>{@link TrustedChecksumsWriter} writes the same checksums for Maven Resolver's trusted-checksums check.</li>
 * </ul>
 * The format is described in {@code docs/lockfile.md}.
 *
 * @param formatVersion version of the text format, {@link #FORMAT_VERSION} for files written by this code
 * @param algorithm algorithm of every digest in the file
 * @param environment the environment the lockfile was made in
 * @param modules every module of the build ({@code groupId:artifactId}), sorted
 * @param artifacts the artifacts, sorted by coordinates, each coordinates once
 */
public record Lockfile(int formatVersion, DigestAlgorithm algorithm, BuildEnvironment environment,
        SortedSet<String> modules, List<LockedArtifact> artifacts) {

    /**
     * The format version this code writes (and the only one it reads). Format 2 added the artifact lines' last field,
     * the plugins that pulled each artifact in.
     */
    public static final int FORMAT_VERSION = 2;

    /** The conventional file name, at the root of the project. */
    public static final String DEFAULT_FILE_NAME = "hermetic.lock";

    /**
     * The one command every message suggests for (re)locking: the build's phases run before the lock, so that what
     * plugins resolve while they run is captured too (see docs/lock-verify.md).
     */
    public static final String LOCK_COMMAND = "mvn verify hermetic:lock";

    public Lockfile {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(environment, "environment");
        TreeSet<String> moduleCopy = new TreeSet<>(modules == null ? List.of() : modules);
        List<LockedArtifact> sorted = new ArrayList<>(artifacts == null ? List.of() : artifacts);
        Collections.sort(sorted);
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).coordinates().equals(sorted.get(i - 1).coordinates())) {
                throw new IllegalArgumentException("Artifact " + sorted.get(i).coordinates() + " is listed twice");
            }
        }
        for (LockedArtifact a : sorted) {
            int expectedLength = algorithm.hexLength();
            if (a.digest().length() != expectedLength) {
                throw new IllegalArgumentException("Checksum of " + a.coordinates() + " has " + a.digest().length()
                        + " hex digits, " + algorithm.jcaName() + " has " + expectedLength);
            }
            moduleCopy.addAll(a.modules());
        }
        modules = Collections.unmodifiableSortedSet(moduleCopy);
        artifacts = List.copyOf(sorted);
    }

    /**
     * Builds a lockfile from what the build used. Each distinct file is hashed once (in parallel); the roles, scopes,
     * modules and plugins of all observations of the same coordinates are merged.
     *
     * @param used every observation of the build, in any order, duplicates welcome
     * @throws ArtifactFileException if a file is missing or unreadable, or if the same coordinates come with two files
     *     of different contents (naming both files and digests)
     * @throws IllegalArgumentException if coordinates, scopes or module names cannot be written (blanks, commas, ...)
     */
    public static Lockfile create(Collection<UsedArtifact> used, DigestAlgorithm algorithm,
            BuildEnvironment environment) throws IOException {
        Map<ArtifactCoordinates, List<UsedArtifact>> byCoordinates = new TreeMap<>();
        List<Path> files = new ArrayList<>();
        for (UsedArtifact u : used) {
            LockfileFields.checkCoordinates(u.coordinates());
            if (u.file() == null || !Files.isRegularFile(u.file())) {
                throw new ArtifactFileException(u.coordinates(), u.file(), "Cannot lock " + u.coordinates()
                        + ": its file " + u.file() + " does not exist or is not a regular file (used by module "
                        + u.module() + "). Resolve the project once online (e.g. `mvn dependency:go-offline`), "
                        + "then lock again.", null);
            }
            byCoordinates.computeIfAbsent(u.coordinates(), c -> new ArrayList<>()).add(u);
            files.add(u.file());
        }
        HashedFiles hashes = HashedFiles.of(files, algorithm);
        List<LockedArtifact> artifacts = new ArrayList<>(byCoordinates.size());
        for (Map.Entry<ArtifactCoordinates, List<UsedArtifact>> e : byCoordinates.entrySet()) {
            artifacts.add(merge(e.getKey(), e.getValue(), hashes, algorithm));
        }
        return new Lockfile(FORMAT_VERSION, algorithm, environment, null, artifacts);
    }

    private static LockedArtifact merge(ArtifactCoordinates coordinates, List<UsedArtifact> observations,
            HashedFiles hashes, DigestAlgorithm algorithm) throws ArtifactFileException {
        Map<String, Path> fileByDigest = new LinkedHashMap<>();
        EnumSet<ArtifactRole> roles = EnumSet.noneOf(ArtifactRole.class);
        TreeSet<String> scopes = new TreeSet<>();
        TreeSet<String> modules = new TreeSet<>();
        TreeSet<String> plugins = new TreeSet<>();
        for (UsedArtifact u : observations) {
            HashedFiles.Hash hash = hashes.get(u.file());
            if (hash == null) {
                throw new ArtifactFileException(coordinates, u.file(), "Cannot lock " + coordinates + ": its file "
                        + u.file() + " disappeared while it was being hashed. Lock again.", null);
            }
            fileByDigest.putIfAbsent(hash.digest(), u.file());
            roles.add(Objects.requireNonNull(u.role(), () -> "role of " + coordinates));
            if (!u.scope().isEmpty()) {
                scopes.add(u.scope());
            }
            if (u.module() != null && !u.module().isEmpty()) {
                modules.add(u.module());
            }
            if (!u.plugin().isEmpty()) {
                plugins.add(u.plugin());
            }
        }
        if (fileByDigest.size() > 1) {
            List<Map.Entry<String, Path>> two = new ArrayList<>(fileByDigest.entrySet()).subList(0, 2);
            throw new ArtifactFileException(coordinates, two.get(0).getValue(), "Artifact " + coordinates
                    + " resolves to files with different contents: " + two.get(0).getValue() + " ("
                    + algorithm.jcaName() + " " + two.get(0).getKey() + ") and " + two.get(1).getValue() + " ("
                    + two.get(1).getKey() + "). One copy has been altered or re-downloaded from another repository: "
                    + "compare both with the checksum published on the repository before locking.", null);
        }
        return new LockedArtifact(coordinates, fileByDigest.keySet().iterator().next(), new TreeSet<>(roles), scopes,
                modules, plugins);
    }

    /**
     * This lockfile with more entries (kept from an earlier lockfile: their checksums are taken as they are).
     *
     * @throws IllegalArgumentException if an entry's coordinates are already here, or its checksum is not of this
     *     lockfile's algorithm
     */
    public Lockfile plus(Collection<LockedArtifact> more) {
        List<LockedArtifact> all = new ArrayList<>(artifacts);
        all.addAll(more);
        return new Lockfile(formatVersion, algorithm, environment, modules, all);
    }

    /** @return the entry for these coordinates, if locked */
    public Optional<LockedArtifact> find(ArtifactCoordinates coordinates) {
        return Optional.ofNullable(index().get(coordinates));
    }

    /** Entries by coordinates (a fresh map, in coordinate order). */
    public Map<ArtifactCoordinates, LockedArtifact> index() {
        Map<ArtifactCoordinates, LockedArtifact> map = new TreeMap<>();
        for (LockedArtifact a : artifacts) {
            map.put(a.coordinates(), a);
        }
        return map;
    }
}
