package dev.hermetic.lock;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Verifies a whole build (every module of a reactor) against its one lockfile, from what the build-tool adapter
 * collected: applies the version policies to unpinned versions, adds what plugins resolved at run time when the build
 * was locked, runs the {@link LockfileVerifier} with the settings' exclusions and policies, and words what to log and
 * why the build fails. The adapter collects, prints the lines and turns a failure into its own.
 */
public final class ReactorVerification {

    /** Verification cannot pass, or cannot run; the message lists every problem, each with what to do. */
    public static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        public Failure(String message) {
            super(message);
        }
    }

    /**
     * One line for the build log.
     *
     * @param warning whether it is a warning (else information)
     * @param text the line
     */
    public record LogLine(boolean warning, String text) {}

    /**
     * What a verification found.
     *
     * @param lines what to log, in order: unpinned versions the policies warn about, what each exclusion excluded, the
     *     findings that warn, then the summary
     * @param summary the summary line (also the last of {@code lines}), or null when the verification could not run
     * @param failure why the build fails, every problem with its fix, or null when it passes
     */
    public record Outcome(List<LogLine> lines, String summary, String failure) {
        public Outcome {
            lines = List.copyOf(lines);
        }

        /** Whether the build matches its lockfile. */
        public boolean passed() {
            return failure == null;
        }
    }

    private final Lockfile lockfile;
    private final BuildVariant build;
    private final VerifySettings settings;
    private final Function<ArtifactCoordinates, Path> localRepository;
    private final Comparator<String> versionOrder;

    /**
     * @param lockfile the lockfile, read from {@code settings.lockfile()} (e.g. by {@link #readLockfile})
     * @param build the build verified: against its own entries of the lockfile
     * @param localRepository where the local repository keeps the file of given coordinates
     * @param versionOrder the build tool's order of versions, for messages (see {@link LockfileVerifier})
     */
    public ReactorVerification(Lockfile lockfile, BuildVariant build, VerifySettings settings,
            Function<ArtifactCoordinates, Path> localRepository, Comparator<String> versionOrder) {
        this.lockfile = Objects.requireNonNull(lockfile, "lockfile");
        this.build = Objects.requireNonNull(build, "build");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.localRepository = Objects.requireNonNull(localRepository, "localRepository");
        this.versionOrder = Objects.requireNonNull(versionOrder, "versionOrder");
    }

    /**
     * Reads the lockfile for verifying {@code build}, failing with what the user needs to know and do: the file is
     * missing or malformed, or does not lock this build ({@link #requireBuild}).
     */
    public static Lockfile readLockfile(Path lockfile, BuildVariant build) throws Failure {
        if (!Files.isRegularFile(lockfile)) {
            throw new Failure("No lockfile at " + lockfile + ". Create it with `" + build.lockCommand() + "` "
                    + "(see docs/lock-verify.md), review it and commit it; the next build verifies against it. "
                    + "Until then, add -Dhermetic.verify.skip to run a command without verification.");
        }
        Lockfile read;
        try {
            read = LockfileReader.read(lockfile, build.lockCommand());
        } catch (OutdatedLockfileException e) {
            throw new Failure("Lockfile " + lockfile + ": " + e.problem());
        } catch (LockfileFormatException e) {
            throw new Failure("Lockfile " + lockfile + " is malformed at line " + e.line() + ": " + e.problem()
                    + " Fix that line (e.g. resolve the merge conflict) or restore the file from version control; "
                    + "do not re-lock to make this go away without knowing why the file changed.");
        } catch (IOException e) {
            throw new Failure("Cannot read lockfile " + lockfile + ": " + e.getMessage());
        }
        requireBuild(read, build, lockfile);
        return read;
    }

    /**
     * Fails unless the lockfile locks {@code build}: naming this build, the builds it locks and the command that
     * locks this one (keeping the others).
     */
    public static void requireBuild(Lockfile lockfile, BuildVariant build, Path path) throws Failure {
        if (lockfile.build(build.name()).isPresent()) {
            return;
        }
        List<String> locked = lockfile.builds().stream().map(BuildVariant::describe).toList();
        throw new Failure("Lockfile " + path + " does not lock this build, " + build.describe() + ": it locks "
                + (locked.size() == 1 ? "one build, " : "the builds ") + String.join(", ", locked)
                + (lockfile.formatVersion() < 3 ? " (a format " + lockfile.formatVersion() + " lockfile, made before "
                        + "builds: it is read as the build 'default')" : "")
                + ". Lock this build with `" + build.lockCommand() + "`: that adds its entries and keeps the other "
                + "builds'. Review the diff and commit the lockfile. If this build uses exactly what one of those "
                + "does (a profile that changes no artifact), -D" + BuildVariant.NAME_PROPERTY + "=NAME verifies it "
                + "as that build.");
    }

    /**
     * Verifies what the reactor uses, hashing every file.
     *
     * @param modules how many modules the reactor has
     * @param used what the modules use (plugins' run-time resolutions come from the lockfile, see below)
     * @param unpinned the versions in the modules' models that do not pin one artifact
     * @param current Maven, Java and the wrapper of this build
     * @param startNanos {@link System#nanoTime()} when the verification began, for the time in the summary
     * @param collectionNote how {@code used} was collected, appended to the summary (e.g. from a stored list); or empty
     */
    public Outcome verify(int modules, Collection<UsedArtifact> used, Collection<UnpinnedVersion> unpinned,
            BuildEnvironment current, long startNanos, String collectionNote) {
        List<LogLine> lines = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Set<String> versionMessages = new LinkedHashSet<>();
        for (UnpinnedVersion v : unpinned) {
            Policy policy = settings.policyFor(v);
            String message = v.message();
            if (policy == Policy.IGNORE || !versionMessages.add(message)) {
                continue;
            }
            if (policy == Policy.FAIL) {
                errors.add(message);
            } else {
                lines.add(new LogLine(true, message));
            }
        }

        try {
            requireBuild(lockfile, build, settings.lockfile());
        } catch (Failure e) {
            return new Outcome(lines, null, e.getMessage());
        }
        List<UsedArtifact> all = new ArrayList<>(used);
        Set<ArtifactCoordinates> notDownloaded = addRuntimeResolutions(all);
        VerificationReport report;
        try {
            report = new LockfileVerifier(lockfile, build, settings.excludes(),
                    settings.strict() ? Policy.FAIL : Policy.WARN, settings.unusedPolicy(), settings.usagePolicy(),
                    versionOrder)
                    .verify(all, current);
        } catch (IllegalArgumentException e) {
            return new Outcome(lines, null, "Invalid hermetic.verify.excludes: " + e.getMessage());
        } catch (IOException e) {
            return new Outcome(lines, null, "Cannot read an artifact to verify it: " + e.getMessage());
        }
        report.exclusions().forEach((pattern, excluded) -> lines.add(new LogLine(false, "Excluded by '" + pattern
                + "': " + (excluded.isEmpty() ? "nothing (check the pattern)" : excluded.size() + " artifact"
                        + (excluded.size() == 1 ? "" : "s") + " " + excluded))));
        for (Finding f : report.warnings()) {
            if (!unusedButNotDownloaded(f, notDownloaded)) {
                lines.add(new LogLine(true, f.toString()));
            }
        }
        for (Finding f : report.errors()) {
            if (!unusedButNotDownloaded(f, notDownloaded)) {
                errors.add(f.toString());
            }
        }
        String summary = "hermetic:verify: " + modules + " module" + (modules == 1 ? "" : "s") + " against "
                + settings.lockfile().getFileName() + (lockfile.builds().size() > 1 ? " (build " + build.name() + ")"
                        : "") + ": " + report.summary(f -> unusedButNotDownloaded(f, notDownloaded))
                + String.format(Locale.ROOT,
                        "; %.2f s in all", (System.nanoTime() - startNanos) / 1e9) + collectionNote;
        lines.add(new LogLine(false, summary));
        return new Outcome(lines, summary, errors.isEmpty() ? null : failure(errors));
    }

    private String failure(List<String> errors) {
        StringBuilder m = new StringBuilder("The build does not match its lockfile " + settings.lockfile() + " ("
                + errors.size() + " problem" + (errors.size() == 1 ? "" : "s") + "):");
        for (String e : errors) {
            m.append("\n  - ").append(e);
        }
        return m.toString();
    }

    /**
     * Artifacts that plugins resolved while they ran when the build was locked (role RUNTIME) are not in the build
     * plan. Adds the copy the local repository holds now, to be checked before the plugin asks for it; if it is not
     * there yet, Resolver's trusted checksums (when enabled) check it as it is downloaded.
     *
     * @return the run-time resolutions not downloaded yet: nothing to hash now, and not unused either
     */
    private Set<ArtifactCoordinates> addRuntimeResolutions(List<UsedArtifact> used) {
        Set<ArtifactCoordinates> seen = new HashSet<>();
        for (UsedArtifact u : used) {
            seen.add(u.coordinates());
        }
        Set<ArtifactCoordinates> notDownloaded = new HashSet<>();
        for (LockedArtifact a : lockfile.forBuild(build.name()).artifacts()) {
            if (!a.roles().contains(ArtifactRole.RUNTIME) || seen.contains(a.coordinates())) {
                continue;
            }
            ArtifactCoordinates c = a.coordinates();
            Path file = localRepository.apply(c);
            if (Files.isRegularFile(file)) {
                // Its use as the lockfile records it: what plugins resolve at run time is checked as they do.
                used.add(new UsedArtifact(c, file, ArtifactRole.RUNTIME, "", a.modules().isEmpty() ? ""
                        : a.modules().first(), a.plugins().isEmpty() ? "" : a.plugins().first()));
            } else {
                notDownloaded.add(c);
            }
        }
        return notDownloaded;
    }

    private static boolean unusedButNotDownloaded(Finding f, Set<ArtifactCoordinates> notDownloaded) {
        return f.kind() == Finding.Kind.UNUSED && notDownloaded.contains(f.coordinates());
    }
}
