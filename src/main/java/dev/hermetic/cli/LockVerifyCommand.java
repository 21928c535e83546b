package dev.hermetic.cli;

import dev.hermetic.lock.ArtifactCoordinates;
import dev.hermetic.lock.Finding;
import dev.hermetic.lock.LockedArtifact;
import dev.hermetic.lock.Lockfile;
import dev.hermetic.lock.LockfileReader;
import dev.hermetic.lock.LockfileVerifier;
import dev.hermetic.lock.Policy;
import dev.hermetic.lock.UsedArtifact;
import dev.hermetic.lock.VerificationReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;

/**
 * {@code lock-verify [--lockfile FILE] [--local-repo DIR] [--exclude PATTERN]...}: checks that every artifact of a
 * lockfile is present in a Maven local repository with the locked checksum. No Maven involved: usable in CI before
 * a build, or on a shared cache.
 */
final class LockVerifyCommand implements Command {

    @Override
    public String name() {
        return "lock-verify";
    }

    @Override
    public String summary() {
        return "check every artifact of a lockfile against a local repository";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        CommandLineArguments parsed;
        try {
            parsed = CommandLineArguments.parse(args, Set.of("--lockfile", "--local-repo", "--exclude"), Set.of());
            if (!parsed.operands().isEmpty()) {
                throw new CommandLineArguments.UsageException("unexpected argument '" + parsed.operands().get(0)
                        + "': every input is given by an option");
            }
        } catch (CommandLineArguments.UsageException e) {
            err.println("lock-verify: " + e.getMessage());
            usage(err);
            return 2;
        }
        if (parsed.help()) {
            usage(out);
            return 0;
        }
        Path lockfilePath = Path.of(parsed.value("--lockfile", Lockfile.DEFAULT_FILE_NAME));
        String repo = parsed.value("--local-repo", null);
        Path localRepo = repo != null ? Path.of(repo) : Path.of(System.getProperty("user.home"), ".m2", "repository");
        List<String> exclusions = parsed.values("--exclude");
        try {
            Lockfile lockfile = LockfileReader.read(lockfilePath);
            List<UsedArtifact> used = new ArrayList<>();
            for (LockedArtifact a : lockfile.artifacts()) {
                used.add(new UsedArtifact(a.coordinates(), localRepo.resolve(a.coordinates().repositoryPath()),
                        a.roles().first(), a.scopes().isEmpty() ? "" : a.scopes().first(),
                        a.modules().isEmpty() ? "" : a.modules().first()));
            }
            // The environment is Maven's and the JDK's of a build: there is no build here, so it is not compared.
            // Only the lockfile's own artifacts are checked, so no message lists other versions: any order will do.
            VerificationReport report = new LockfileVerifier(lockfile, exclusions, Policy.IGNORE, Policy.IGNORE,
                    Policy.IGNORE, Comparator.naturalOrder()).verify(used, null);
            for (Map.Entry<String, SortedSet<ArtifactCoordinates>> e
                    : report.exclusions().entrySet()) {
                out.println("Excluded by '" + e.getKey() + "': " + (e.getValue().isEmpty() ? "nothing"
                        : e.getValue().size() + " artifact(s) " + e.getValue()));
            }
            for (Finding f : report.findings()) {
                (f.severity() == Finding.Severity.ERROR ? err : out).println(f.severity() + ": " + f);
            }
            out.println("lock-verify " + lockfilePath + " against " + localRepo + ": " + report.summary());
            return report.passed() ? 0 : 1;
        } catch (NoSuchFileException e) {
            err.println("lock-verify: lockfile " + lockfilePath + " does not exist. Give its path with --lockfile, "
                    + "or create it with `" + Lockfile.LOCK_COMMAND + "`.");
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("lock-verify: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("lock-verify: " + e.getMessage());
            return 1;
        }
    }

    private static void usage(PrintStream stream) {
        stream.println("usage: java -jar hermetic-maven-plugin.jar lock-verify [--lockfile FILE] [--local-repo DIR] "
                + "[--exclude PATTERN]...");
        stream.println("  --lockfile FILE     the lockfile (default: ./hermetic.lock)");
        stream.println("  --local-repo DIR    the Maven local repository (default: ~/.m2/repository)");
        stream.println("  --exclude PATTERN   skip artifacts matching groupId[:artifactId[:extension[:version]]], "
                + "'*' as wildcard; repeatable");
        stream.println("Exit status: 0 all locked files present and matching, 1 a mismatch or missing file, 2 bad "
                + "usage.");
    }
}
