package dev.hermetic.cli;

import dev.hermetic.lock.BuildVariant;
import dev.hermetic.lock.Lockfile;
import dev.hermetic.lock.LockfileReader;
import dev.hermetic.vendor.VendorException;
import dev.hermetic.vendor.Vendoring;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code vendor [--lockfile FILE] [--local-repo DIR] [--build NAME] [--archive] [DIR]}: what {@code hermetic:vendor}
 * does, without Maven: the lockfile's artifacts of one build, from a local repository, into DIR (default
 * {@code .hermetic/repository} beside the lockfile), with the settings file beside it.
 */
final class VendorCommand implements Command {

    @Override
    public String name() {
        return "vendor";
    }

    @Override
    public String summary() {
        return "copy a lockfile's artifacts, checked, into a repository for offline builds";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        CommandLineArguments parsed;
        try {
            parsed = CommandLineArguments.parse(args, Set.of("--lockfile", "--local-repo", "--build"),
                    Set.of("--archive"));
            if (parsed.operands().size() > 1) {
                throw new CommandLineArguments.UsageException("one directory at most, got " + parsed.operands());
            }
        } catch (CommandLineArguments.UsageException e) {
            err.println("vendor: " + e.getMessage());
            usage(err);
            return 2;
        }
        if (parsed.help()) {
            usage(out);
            return 0;
        }
        Path lockfilePath = Path.of(parsed.value("--lockfile", Lockfile.DEFAULT_FILE_NAME)).toAbsolutePath();
        Path root = lockfilePath.getParent();
        String repo = parsed.value("--local-repo", null);
        Path localRepo = repo != null ? Path.of(repo) : Path.of(System.getProperty("user.home"), ".m2", "repository");
        String build = parsed.value("--build", BuildVariant.DEFAULT_NAME);
        Path directory = parsed.operands().isEmpty() ? root.resolve(".hermetic/repository")
                : Path.of(parsed.operands().get(0));
        try {
            Lockfile lockfile = LockfileReader.read(lockfilePath);
            if (lockfile.build(build).isEmpty()) {
                err.println("vendor: " + lockfilePath + " locks no build named " + build + "; it locks "
                        + lockfile.builds().stream().map(BuildVariant::name).toList() + ": name one with --build.");
                return 2;
            }
            Vendoring vendoring = Vendoring.run(lockfile.forBuild(build), c -> false,
                    c -> localRepo.resolve(c.repositoryPath()), directory, root, parsed.flag("--archive"));
            vendoring.result().repairs().forEach(r -> err.println("vendor: repaired " + r));
            out.println("vendor " + lockfilePath + " (build " + build + ") from " + localRepo + " into "
                    + vendoring.directory() + ": " + vendoring.artifacts() + " artifacts: " + vendoring.counts());
            out.println("Wrote " + vendoring.settings() + "; to build from the vendored repository alone, run from "
                    + root + ": " + vendoring.command());
            if (vendoring.archive() != null) {
                out.println(vendoring.archiveAdvice());
            }
            if (vendoring.gitignoreAdvice() != null) {
                err.println("vendor: " + vendoring.gitignoreAdvice());
            }
            return 0;
        } catch (VendorException e) {
            err.println("vendor: " + e.getMessage());
            return 1;
        } catch (NoSuchFileException e) {
            err.println("vendor: " + e.getFile() + " does not exist. Give the lockfile with --lockfile, or create it "
                    + "with `" + Lockfile.LOCK_COMMAND + "`.");
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("vendor: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("vendor: " + e.getMessage());
            return 1;
        }
    }

    private static void usage(PrintStream stream) {
        stream.println("usage: java -jar hermetic-maven-plugin.jar vendor [--lockfile FILE] [--local-repo DIR] "
                + "[--build NAME] [--archive] [DIR]");
        stream.println("  DIR                 the vendored repository (default: .hermetic/repository beside the "
                + "lockfile)");
        stream.println("  --lockfile FILE     the lockfile (default: ./hermetic.lock)");
        stream.println("  --local-repo DIR    the Maven local repository the files come from (default: "
                + "~/.m2/repository)");
        stream.println("  --build NAME        the lockfile's build to vendor (default: default)");
        stream.println("  --archive           also write DIR.tar.gz (byte-reproducible) for a machine without network");
        stream.println("Exit status: 0 vendored, 1 a locked file missing or altered (nothing written), 2 bad usage.");
    }
}
