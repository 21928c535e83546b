package dev.hermetic.maven;

import dev.hermetic.lock.ArtifactCoordinates;
import dev.hermetic.lock.BuildEnvironment;
import dev.hermetic.lock.BuildVariant;
import dev.hermetic.lock.Lockfile;
import dev.hermetic.lock.ReactorVerification;
import dev.hermetic.lock.StoredListCheck;
import dev.hermetic.lock.VerifySettings;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.maven.artifact.versioning.ComparableVersion;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;

/**
 * Collects what a whole reactor uses and hands it to {@link ReactorVerification}, which decides; prints what it
 * found. Shared by {@code hermetic:verify} and the extension-mode lifecycle participant.
 */
final class BuildVerifier {

    /** Maven's order of versions ({@code 4 < 13}, {@code 1.0-alpha-1 < 1.0}), for messages that list several. */
    static final Comparator<String> VERSION_ORDER = Comparator.comparing(ComparableVersion::new);

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

    /**
     * The build this session runs, for the lockfile: named by {@code -Dhermetic.build}, else by the profiles asked for
     * on the command line or in {@code .mvn/maven.config} ({@code -P}, {@code !id} for one turned off). Profiles
     * defined in settings.xml are left out, however activated: they configure a machine (its repositories), not a
     * build of the project, and Maven hands settings.xml's {@code <activeProfiles>} over mixed with {@code -P}.
     *
     * @throws IllegalArgumentException for a name or profile id a lockfile cannot hold, naming it
     */
    static BuildVariant build(MavenSession session) {
        MavenExecutionRequest request = session.getRequest();
        Set<String> fromSettings = new HashSet<>();
        request.getProfiles().forEach(p -> fromSettings.add(p.getId()));
        return BuildVariant.of(session.getUserProperties().getProperty(BuildVariant.NAME_PROPERTY),
                request.getActiveProfiles().stream().filter(id -> !fromSettings.contains(id)).toList(),
                request.getInactiveProfiles().stream().filter(id -> !fromSettings.contains(id)).toList());
    }

    /** Maven, Java and the Maven Wrapper distribution's checksum, as the lockfile records them. */
    static BuildEnvironment environment(MavenSession session, String mavenVersion) {
        return BuildEnvironment.current(mavenVersion, root(session));
    }

    /** Whether this Maven invocation asks for {@code hermetic:lock}: then there is nothing to verify against yet. */
    static boolean locking(MavenSession session) {
        return locking(session.getGoals());
    }

    /** Whether these command-line goals include {@code hermetic:lock}. */
    static boolean locking(List<String> goals) {
        return goals.stream().anyMatch(goal -> "lock".equals(ownGoal(goal)));
    }

    /**
     * Whether these command-line goals are {@code hermetic:help} and nothing else: no other plugin runs, so there is
     * nothing to verify, and help must work before the first lock.
     */
    static boolean onlyHelp(List<String> goals) {
        return !goals.isEmpty() && goals.stream().allMatch(goal -> "help".equals(ownGoal(goal)));
    }

    /**
     * The goal's name if a command-line goal is one of this plugin's ({@code hermetic:lock},
     * {@code dev.hermetic:hermetic-maven-plugin[:version]:lock}, either with an {@code @execution}); else null.
     */
    static String ownGoal(String goal) {
        String[] parts = goal.replaceFirst("@.*", "").split(":");
        boolean ours = parts.length == 2 ? parts[0].equals("hermetic")
                : (parts.length == 3 || parts.length == 4)
                        && parts[1].equals(HermeticLifecycleParticipant.ARTIFACT_ID);
        return ours ? parts[parts.length - 1] : null;
    }

    /**
     * Verifies the reactor against the lockfile it reads. Logs warnings, exclusions and one summary line.
     *
     * @return the summary line
     * @throws ReactorVerification.Failure listing every error, each with what to do
     */
    static String verify(BuildArtifactCollector collector, MavenSession session, VerifySettings settings,
            String mavenVersion, Consumer<String> info, Consumer<String> warn) throws ReactorVerification.Failure {
        return verify(collector, session, settings, readLockfile(session, settings), mavenVersion, info, warn);
    }

    /**
     * Reads the lockfile to verify this session's build against: fails when it is missing, malformed or does not
     * lock this build, each time with the command that locks this build.
     */
    static Lockfile readLockfile(MavenSession session, VerifySettings settings) throws ReactorVerification.Failure {
        return ReactorVerification.readLockfile(settings.lockfile(), verifiedBuild(session));
    }

    /** {@link #build}, its error as a verification failure. */
    private static BuildVariant verifiedBuild(MavenSession session) throws ReactorVerification.Failure {
        try {
            return build(session);
        } catch (IllegalArgumentException e) {
            throw new ReactorVerification.Failure(e.getMessage() + ".");
        }
    }

    /** As above, against a lockfile the caller has already read (from {@code settings.lockfile()}). */
    static String verify(BuildArtifactCollector collector, MavenSession session, VerifySettings settings,
            Lockfile lockfile, String mavenVersion, Consumer<String> info, Consumer<String> warn)
            throws ReactorVerification.Failure {
        long start = System.nanoTime();
        BuildVariant build = verifiedBuild(session);
        ReactorVerification.requireBuild(lockfile, build, settings.lockfile());
        Lockfile own = lockfile.forBuild(build.name());
        List<MavenProject> projects = reactor(session);
        Path cache = settings.reuseGraphs() ? StoredArtifactLists.file(
                session.getRepositorySession().getLocalRepository().getBasedir().toPath(), projects,
                settings.lockfile(), mavenVersion, StoredArtifactLists.environment(session.getUserProperties())) : null;
        BuildArtifactCollector.Collected collected = StoredArtifactLists.read(cache);
        // A stored graph that cannot stand for a fresh collection is set aside, and the summary says why.
        String setAside = collected == null ? null : StoredListCheck.whyNotUsable(collected.used(), own,
                c -> localFile(session.getRepositorySession(), c), () -> StoredArtifactLists.declarations(projects,
                        session.getRepositorySession().getArtifactTypeRegistry(), session.getUserProperties(),
                        session.getSystemProperties()));
        if (setAside != null) {
            collected = null;
        }
        boolean reused = collected != null;
        if (collected == null) {
            try {
                collected = collector.collect(session, projects);
            } catch (BuildCollectionException e) {
                throw new ReactorVerification.Failure(e.getMessage() + " With a warm local repository verify needs "
                        + "no network; otherwise build once online.");
            }
        }
        String note = reused ? " (build plan unchanged: graph reused from " + cache.getFileName() + ")"
                : setAside != null ? " (stored graph " + cache.getFileName() + " not used, " + setAside + ")" : "";
        ReactorVerification.Outcome outcome = new ReactorVerification(lockfile, build, settings,
                c -> localFile(session.getRepositorySession(), c), VERSION_ORDER).verify(projects.size(), collected.used(),
                        collected.versionFindings(), environment(session, mavenVersion), start, note);
        outcome.lines().forEach(line -> (line.warning() ? warn : info).accept(line.text()));
        if (outcome.passed() && !reused) {
            StoredArtifactLists.write(cache, collected);
        }
        if (!outcome.passed()) {
            throw new ReactorVerification.Failure(outcome.failure());
        }
        return outcome.summary();
    }

    /** Where the local repository keeps the file of {@code c}. */
    static Path localFile(RepositorySystemSession repo, ArtifactCoordinates c) {
        return repo.getLocalRepository().getBasedir().toPath().resolve(repo.getLocalRepositoryManager()
                .getPathForLocalArtifact(new DefaultArtifact(c.groupId(), c.artifactId(), c.classifier(),
                        c.extension(), c.version())));
    }
}
