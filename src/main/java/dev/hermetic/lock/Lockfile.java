package dev.hermetic.lock;

import dev.hermetic.digest.DigestAlgorithm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

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
 * <p>One lockfile serves several {@link BuildVariant}s of a project (the everyday build, a release with its
 * profile): each entry names the builds that use it; {@link #forBuild} is what one build is verified against, and
 * {@link #relock} replaces one build's entries, keeping the others'.
 *
 * @param formatVersion version of the text format the lockfile was read from ({@link #FORMAT_VERSION} for one made
 *     here); {@link LockfileWriter} always writes {@link #FORMAT_VERSION}
 * @param algorithm algorithm of every digest in the file
 * @param environment the environment the lockfile was made in (by its latest lock)
 * @param modules every module of the builds ({@code groupId:artifactId}), sorted
 * @param builds the builds it locks, sorted by name, each name once; never empty
 * @param artifacts the artifacts, sorted by coordinates, each coordinates once, each naming the builds that use it
 */
public record Lockfile(int formatVersion, DigestAlgorithm algorithm, BuildEnvironment environment,
        SortedSet<String> modules, List<BuildVariant> builds, List<LockedArtifact> artifacts) {

    /**
     * The format version this code writes. Format 2 added the artifact lines' plugins field; format 3 the builds
     * (the {@code build} lines and the artifact lines' last field). Format 2 is still read, as one build,
     * {@link BuildVariant#DEFAULT}.
     */
    public static final int FORMAT_VERSION = 3;

    /** The earliest format version this code reads. */
    public static final int OLDEST_READABLE_FORMAT = 2;

    /** The conventional file name, at the root of the project. */
    public static final String DEFAULT_FILE_NAME = "hermetic.lock";

    /**
     * The one command every message suggests for (re)locking: the build's phases run before the lock, so that what
     * plugins resolve while they run is captured too (see docs/lock-verify.md).
     */
    public static final String LOCK_COMMAND = "mvn verify hermetic:lock";

    /**
     * Checks and sorts; an artifact that names no build gets every build, and a lockfile given no build locks
     * {@link BuildVariant#DEFAULT}.
     *
     * @throws IllegalArgumentException for an artifact listed twice, a checksum of another algorithm, a build named
     *     twice, or an artifact of a build the lockfile does not declare
     */
    public Lockfile {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(environment, "environment");
        TreeSet<String> moduleCopy = new TreeSet<>(modules == null ? List.of() : modules);
        TreeMap<String, BuildVariant> buildsByName = new TreeMap<>();
        for (BuildVariant b : builds == null || builds.isEmpty() ? List.of(BuildVariant.DEFAULT) : builds) {
            if (buildsByName.put(b.name(), b) != null) {
                throw new IllegalArgumentException("Build " + b.name() + " is listed twice");
            }
        }
        List<LockedArtifact> sorted = new ArrayList<>();
        for (LockedArtifact a : artifacts == null ? List.<LockedArtifact>of() : artifacts) {
            if (a.builds().isEmpty()) {
                sorted.add(a.withBuilds(buildsByName.keySet()));
                continue;
            }
            for (String b : a.builds()) {
                if (!buildsByName.containsKey(b)) {
                    throw new IllegalArgumentException("Artifact " + a.coordinates() + " names build " + b
                            + ", which the lockfile does not declare");
                }
            }
            sorted.add(a);
        }
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
        builds = List.copyOf(buildsByName.values());
        artifacts = List.copyOf(sorted);
    }

    /** A lockfile of one build, {@link BuildVariant#DEFAULT}. */
    public Lockfile(int formatVersion, DigestAlgorithm algorithm, BuildEnvironment environment,
            SortedSet<String> modules, List<LockedArtifact> artifacts) {
        this(formatVersion, algorithm, environment, modules, null, artifacts);
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
        return create(used, algorithm, environment, BuildVariant.DEFAULT);
    }

    /**
     * As {@link #create(Collection, DigestAlgorithm, BuildEnvironment)}, for one build of the project: a lockfile
     * holding only that build; {@link #relock} merges it into the lockfile of all builds.
     */
    public static Lockfile create(Collection<UsedArtifact> used, DigestAlgorithm algorithm,
            BuildEnvironment environment, BuildVariant build) throws IOException {
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
        return new Lockfile(FORMAT_VERSION, algorithm, environment, null, List.of(build), artifacts);
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
        return new Lockfile(formatVersion, algorithm, environment, modules, builds, all);
    }

    /**
     * What to tell after {@code thisBuild} (a lock of one build) replaced its entries in this lockfile: when this
     * lockfile locks other builds too and the build's artifacts (coordinates or checksums) changed, the change may
     * reach those builds, which this lock did not run; their lock commands. Empty for a build locked for the first
     * time, an unchanged one, or a lockfile of one build.
     */
    public Optional<String> otherBuildsReminder(Lockfile thisBuild) {
        BuildVariant build = thisBuild.builds().get(0);
        List<BuildVariant> others = builds.stream().filter(b -> !b.name().equals(build.name())).toList();
        if (others.isEmpty() || build(build.name()).isEmpty()) {
            return Optional.empty();
        }
        Set<String> before = checksummed(forBuild(build.name()));
        Set<String> after = checksummed(thisBuild);
        long added = after.stream().filter(a -> !before.contains(a)).count();
        long removed = before.stream().filter(a -> !after.contains(a)).count();
        if (added == 0 && removed == 0) {
            return Optional.empty();
        }
        return Optional.of("Build " + build.describe() + " now uses other artifacts (" + added + " added, " + removed
                + " removed); the lockfile's other builds were not run. If the change reaches them too, lock each of "
                + "them: " + others.stream().map(b -> "`" + b.lockCommand() + "`").collect(Collectors.joining(", "))
                + " (their next verify names what is missing).");
    }

    private static Set<String> checksummed(Lockfile lock) {
        return lock.artifacts().stream().map(a -> a.coordinates() + " " + a.digest())
                .collect(Collectors.toCollection(HashSet::new));
    }

    /** @return the build of that name, if this lockfile locks it */
    public Optional<BuildVariant> build(String name) {
        return builds.stream().filter(b -> b.name().equals(name)).findFirst();
    }

    /**
     * What one build is verified against: a lockfile of that build alone, with the entries that name it (each
     * naming only it), the same modules, algorithm and environment. Entries of other builds are not in it.
     *
     * @throws IllegalArgumentException if this lockfile does not lock that build
     */
    public Lockfile forBuild(String name) {
        BuildVariant build = build(name).orElseThrow(() -> new IllegalArgumentException("The lockfile locks no "
                + "build named " + name));
        if (builds.size() == 1) {
            return this;
        }
        List<LockedArtifact> own = new ArrayList<>();
        for (LockedArtifact a : artifacts) {
            if (a.builds().contains(name)) {
                own.add(a.withBuilds(List.of(name)));
            }
        }
        return new Lockfile(formatVersion, algorithm, environment, modules, List.of(build), own);
    }

    /**
     * This lockfile with one build locked again: {@code thisBuild} (a lockfile of that one build, as
     * {@link #create(Collection, DigestAlgorithm, BuildEnvironment, BuildVariant)} makes it) replaces what this one
     * holds for it; the other builds keep their entries. An entry no build uses any more goes. An entry that another
     * build uses too keeps the union of the uses (roles, scopes, modules, plugins) of both: a line records how any
     * of its builds uses it. The checksum, the algorithm and the environment are {@code thisBuild}'s.
     *
     * @throws IllegalArgumentException if {@code thisBuild} holds other than one build, or if other builds' entries
     *     have checksums of another algorithm (they cannot be carried over: the message says how to lock every build)
     */
    public Lockfile relock(Lockfile thisBuild) {
        if (thisBuild.builds().size() != 1) {
            throw new IllegalArgumentException("A lock is of one build, not " + thisBuild.builds());
        }
        BuildVariant build = thisBuild.builds().get(0);
        List<BuildVariant> others = builds.stream().filter(b -> !b.name().equals(build.name())).toList();
        if (others.isEmpty()) {
            return thisBuild;
        }
        if (algorithm != thisBuild.algorithm()) {
            StringBuilder commands = new StringBuilder();
            for (BuildVariant b : builds) {
                commands.append(commands.length() == 0 ? "`" : ", `").append(b.lockCommand()).append('`');
            }
            if (this.build(build.name()).isEmpty()) {
                commands.append(", `").append(build.lockCommand()).append('`');
            }
            throw new IllegalArgumentException("The lockfile's checksums are " + algorithm.jcaName() + " and this lock "
                    + "writes " + thisBuild.algorithm().jcaName() + ": the entries of its other builds ("
                    + others.stream().map(BuildVariant::name).collect(Collectors.joining(", "))
                    + ") cannot be kept. To change the algorithm, delete the lockfile and lock every build again, with "
                    + "the same -Dhermetic.lock.algorithm: " + commands + ".");
        }
        Map<ArtifactCoordinates, LockedArtifact> now = thisBuild.index();
        List<LockedArtifact> merged = new ArrayList<>();
        for (LockedArtifact a : artifacts) {
            TreeSet<String> kept = new TreeSet<>(a.builds());
            kept.remove(build.name());
            LockedArtifact mine = now.remove(a.coordinates());
            if (kept.isEmpty()) {
                if (mine != null) {
                    merged.add(mine);
                }
            } else if (mine == null) {
                merged.add(a.withBuilds(kept));
            } else {
                merged.add(mine.union(a.withBuilds(kept)));
            }
        }
        merged.addAll(now.values());
        List<BuildVariant> all = new ArrayList<>(others);
        all.add(build);
        return new Lockfile(thisBuild.formatVersion(), thisBuild.algorithm(), thisBuild.environment(),
                thisBuild.modules(), all, merged);
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
