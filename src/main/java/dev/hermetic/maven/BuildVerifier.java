package dev.hermetic.maven;

import dev.hermetic.lock.ArtifactCoordinates;
import dev.hermetic.lock.ArtifactRole;
import dev.hermetic.lock.BuildEnvironment;
import dev.hermetic.lock.Finding;
import dev.hermetic.lock.LockedArtifact;
import dev.hermetic.lock.Lockfile;
import dev.hermetic.lock.LockfileFormatException;
import dev.hermetic.lock.LockfileReader;
import dev.hermetic.lock.LockfileVerifier;
import dev.hermetic.lock.OutdatedLockfileException;
import dev.hermetic.lock.Policy;
import dev.hermetic.lock.UsedArtifact;
import dev.hermetic.lock.VerificationReport;
import dev.hermetic.lock.VersionSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.SortedSet;
import java.util.function.Consumer;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;

/**
 * Verifies a whole reactor against its one lockfile: collects what every module uses, compares it, applies the
 * version policies and reports. Shared by {@code hermetic:verify} and the extension-mode lifecycle participant.
 */
final class BuildVerifier {

    /** Verification failed; the message lists every error with its fix. */
    static final class VerifyFailure extends Exception {
        private static final long serialVersionUID = 1L;

        VerifyFailure(String message) {
            super(message);
        }
    }

    private BuildVerifier() {}

    /** The modules a goal of this plugin looks at: the whole reactor, also under -pl (one lockfile for all). */
    static List<MavenProject> reactor(MavenSession session) {
        List<MavenProject> all = session.getAllProjects();
        return all == null || all.isEmpty() ? session.getProjects() : all;
    }

    /** The root of the build, where the lockfile lives: the project Maven was started on. */
    static Path root(MavenSession session) {
        MavenProject top = session.getTopLevelProject();
        return (top != null ? top.getBasedir() : new java.io.File(session.getExecutionRootDirectory())).toPath();
    }

    /** The lockfile a goal reads or writes: the configured one, else {@code hermetic.lock} at the build's root. */
    static Path lockfile(MavenSession session, java.io.File configured) {
        return configured != null ? configured.toPath() : root(session).resolve(Lockfile.DEFAULT_FILE_NAME);
    }

    /** Maven, Java and the Maven Wrapper distribution's checksum, as the lockfile records them. */
    static BuildEnvironment environment(MavenSession session, String mavenVersion) {
        String wrapper = "";
        Path props = root(session).resolve(".mvn/wrapper/maven-wrapper.properties");
        if (Files.isRegularFile(props)) {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(props)) {
                p.load(in);
                wrapper = p.getProperty("distributionSha256Sum", "").strip();
            } catch (IOException e) {
                wrapper = "";
            }
        }
        return new BuildEnvironment(mavenVersion, System.getProperty("java.version"),
                System.getProperty("java.vendor"), wrapper);
    }

    /** Whether this Maven invocation asks for {@code hermetic:lock}: then there is nothing to verify against yet. */
    static boolean locking(MavenSession session) {
        for (String goal : session.getGoals()) {
            if (goal.endsWith(":lock") && (goal.startsWith("hermetic:") || goal.contains("hermetic-maven-plugin"))) {
                return true;
            }
        }
        return false;
    }

    /** Reads the lockfile, with the failure messages a user needs. */
    static Lockfile readLockfile(Path lockfile) throws VerifyFailure {
        if (!Files.isRegularFile(lockfile)) {
            throw new VerifyFailure("No lockfile at " + lockfile + ". Create it with `mvn verify hermetic:lock` "
                    + "(see docs/lock-verify.md), review it and commit it.");
        }
        try {
            return LockfileReader.read(lockfile);
        } catch (OutdatedLockfileException e) {
            throw new VerifyFailure("Lockfile " + lockfile + ": " + e.problem());
        } catch (LockfileFormatException e) {
            throw new VerifyFailure("Lockfile " + lockfile + " is malformed at line " + e.line() + ": " + e.problem()
                    + " Fix that line (e.g. resolve the merge conflict) or restore the file from version control; "
                    + "do not re-lock to make this go away without knowing why the file changed.");
        } catch (IOException e) {
            throw new VerifyFailure("Cannot read lockfile " + lockfile + ": " + e.getMessage());
        }
    }

    /**
     * Verifies the reactor against the lockfile it reads. Logs warnings, exclusions and one summary line.
     *
     * @return the summary line
     * @throws VerifyFailure listing every error, each with what to do
     */
    static String verify(BuildArtifactCollector collector, MavenSession session, VerifySettings settings,
            String mavenVersion, Consumer<String> info, Consumer<String> warn) throws VerifyFailure {
        return verify(collector, session, settings, readLockfile(settings.lockfile()), mavenVersion, info, warn);
    }

    /** As above, against a lockfile the caller has already read (from {@code settings.lockfile()}). */
    static String verify(BuildArtifactCollector collector, MavenSession session, VerifySettings settings,
            Lockfile lockfile, String mavenVersion, Consumer<String> info, Consumer<String> warn)
            throws VerifyFailure {
        long start = System.nanoTime();
        List<MavenProject> projects = reactor(session);
        Path cache = settings.reuseGraphs() ? StoredArtifactLists.file(
                session.getRepositorySession().getLocalRepository().getBasedir().toPath(), projects,
                settings.lockfile(), mavenVersion, StoredArtifactLists.environment(session.getUserProperties())) : null;
        BuildArtifactCollector.Collected collected = StoredArtifactLists.read(cache);
        // A stored graph that cannot stand for a fresh collection is set aside, and the summary says why.
        String setAside = null;
        if (collected != null && !StoredArtifactLists.coversLockfile(collected, lockfile,
                c -> localFile(session.getRepositorySession(), c))) {
            setAside = "it does not name every locked artifact at its place in the local repository";
        } else if (collected != null) {
            String missing = StoredArtifactLists.missingDeclaration(collected, StoredArtifactLists.declarations(projects,
                    session.getRepositorySession().getArtifactTypeRegistry(), session.getUserProperties(),
                    session.getSystemProperties()));
            if (missing != null) {
                setAside = "it lacks what the models declare: " + missing;
            }
        }
        if (setAside != null) {
            collected = null;
        }
        boolean reused = collected != null;
        if (collected == null) {
            try {
                collected = collector.collect(session, projects);
            } catch (BuildCollectionException e) {
                throw new VerifyFailure(e.getMessage() + " With a warm local repository verify needs no network; "
                        + "otherwise build once online.");
            }
        }
        List<UsedArtifact> used = new ArrayList<>(collected.used());
        // Not downloaded yet: nothing to hash now, and not unused either.
        Set<ArtifactCoordinates> notDownloaded = new java.util.HashSet<>();
        addRuntimeEntries(session, lockfile, used, notDownloaded);

        List<String> errors = new ArrayList<>();
        Set<String> versionMessages = new LinkedHashSet<>();
        for (BuildArtifactCollector.VersionFinding f : collected.versionFindings()) {
            Policy policy = policyFor(f, settings);
            String message = f.message();
            if (policy == Policy.IGNORE || !versionMessages.add(message)) {
                continue;
            }
            if (policy == Policy.FAIL) {
                errors.add(message);
            } else {
                warn.accept(message);
            }
        }

        VerificationReport report;
        try {
            report = new LockfileVerifier(lockfile, settings.excludes(),
                    settings.strict() ? Policy.FAIL : Policy.WARN, settings.unusedPolicy(), settings.usagePolicy())
                    .verify(used, environment(session, mavenVersion));
        } catch (IllegalArgumentException e) {
            throw new VerifyFailure("Invalid hermetic.verify.excludes: " + e.getMessage());
        } catch (IOException e) {
            throw new VerifyFailure("Cannot read an artifact to verify it: " + e.getMessage());
        }
        report.exclusions().forEach((pattern, excluded) -> info.accept("Excluded by '" + pattern + "': "
                + (excluded.isEmpty() ? "nothing (check the pattern)" : excluded.size() + " artifact"
                        + (excluded.size() == 1 ? "" : "s") + " " + excluded)));
        for (Finding f : report.warnings()) {
            if (f.kind() == Finding.Kind.UNUSED && notDownloaded.contains(f.coordinates())) {
                continue;
            }
            warn.accept(f.toString());
        }
        for (Finding f : report.errors()) {
            if (f.kind() == Finding.Kind.UNUSED && notDownloaded.contains(f.coordinates())) {
                continue;
            }
            errors.add(f.toString());
        }
        String summary = "hermetic:verify: " + projects.size() + " module" + (projects.size() == 1 ? "" : "s")
                + " against " + settings.lockfile().getFileName() + ": " + report.summary() + String.format(Locale.ROOT,
                        "; %.2f s in all", (System.nanoTime() - start) / 1e9);
        if (reused) {
            summary += " (build plan unchanged: graph reused from " + cache.getFileName() + ")";
        } else if (setAside != null) {
            summary += " (stored graph " + cache.getFileName() + " not used, " + setAside + ")";
        }
        info.accept(summary);
        if (errors.isEmpty() && !reused) {
            StoredArtifactLists.write(cache, collected);
        }
        if (!errors.isEmpty()) {
            StringBuilder m = new StringBuilder("The build does not match its lockfile " + settings.lockfile() + " ("
                    + errors.size() + " problem" + (errors.size() == 1 ? "" : "s") + "):");
            for (String e : errors) {
                m.append("\n  - ").append(e);
            }
            throw new VerifyFailure(m.toString());
        }
        return summary;
    }

    /**
     * Artifacts that plugins resolved while they ran when the build was locked (role RUNTIME) are not in the build
     * plan. Check the copy the local repository holds now, before the plugin asks for it; if it is not there yet,
     * Resolver's trusted checksums (when enabled) check it as it is downloaded.
     */
    private static void addRuntimeEntries(MavenSession session, Lockfile lockfile, List<UsedArtifact> used,
            Set<ArtifactCoordinates> notDownloaded) {
        Set<ArtifactCoordinates> seen = new java.util.HashSet<>();
        for (UsedArtifact u : used) {
            seen.add(u.coordinates());
        }
        RepositorySystemSession repo = session.getRepositorySession();
        for (LockedArtifact a : lockfile.artifacts()) {
            SortedSet<ArtifactRole> roles = a.roles();
            if (!roles.contains(ArtifactRole.RUNTIME) || seen.contains(a.coordinates())) {
                continue;
            }
            ArtifactCoordinates c = a.coordinates();
            Path file = localFile(repo, c);
            if (Files.isRegularFile(file)) {
                // Its use as the lockfile records it: what plugins resolve at run time is checked as they do.
                used.add(new UsedArtifact(c, file, ArtifactRole.RUNTIME, "", a.modules().isEmpty() ? ""
                        : a.modules().first(), a.plugins().isEmpty() ? "" : a.plugins().first()));
            } else {
                notDownloaded.add(c);
            }
        }
    }

    /** Where the local repository keeps the file of {@code c}. */
    static Path localFile(RepositorySystemSession repo, ArtifactCoordinates c) {
        return repo.getLocalRepository().getBasedir().toPath().resolve(repo.getLocalRepositoryManager()
                .getPathForLocalArtifact(new DefaultArtifact(c.groupId(), c.artifactId(), c.classifier(),
                        c.extension(), c.version())));
    }

    private static Policy policyFor(BuildArtifactCollector.VersionFinding f, VerifySettings s) {
        if (f.pluginWithoutVersion()) {
            return s.pluginVersionPolicy();
        }
        VersionSpec.Kind kind = f.spec().kind();
        return switch (kind) {
            case SNAPSHOT -> s.snapshotPolicy();
            case LATEST, RELEASE -> s.metaVersionPolicy();
            case MISSING -> s.pluginVersionPolicy();
            default -> s.rangePolicy();
        };
    }
}
