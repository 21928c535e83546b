package dev.hermetic.cli;

import dev.hermetic.cachekey.CacheKey;
import dev.hermetic.cachekey.CacheKeyException;
import dev.hermetic.cachekey.CommandProperties;
import dev.hermetic.cachekey.WrapperMavenVersion;
import dev.hermetic.lock.BuildEnvironment;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code cache-key DIR [--detail] [--maven-version V] [--lockfile FILE] [-Dname=value]... [-Pids]...}: the key
 * {@code hermetic:cache-key} prints for the same inputs, before Maven starts. The JDK counted is the one running this
 * command: run it with the {@code java} that runs Maven.
 */
final class CacheKeyCommand implements Command {

    @Override
    public String name() {
        return "cache-key";
    }

    @Override
    public String summary() {
        return "print the build's cache key (as hermetic:cache-key does)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        // -D and -P are Maven's own spellings, so that a CI script passes the same ones to both.
        List<String> mavenArguments = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-D") || a.equals("-P")) {
                mavenArguments.add(a);
                if (i + 1 < args.size()) {
                    mavenArguments.add(args.get(++i));
                }
            } else if (a.startsWith("-D") || a.startsWith("-P")) {
                mavenArguments.add(a);
            } else {
                rest.add(a);
            }
        }
        CommandLineArguments parsed;
        try {
            parsed = CommandLineArguments.parse(rest, Set.of("--maven-version", "--lockfile"), Set.of("--detail"));
            if (!parsed.help() && parsed.operands().size() != 1) {
                throw new CommandLineArguments.UsageException(parsed.operands().isEmpty()
                        ? "give the build's root directory (where its root pom.xml is)"
                        : "one directory only, got " + parsed.operands());
            }
        } catch (CommandLineArguments.UsageException e) {
            err.println("cache-key: " + e.getMessage());
            usage(err);
            return 2;
        }
        if (parsed.help()) {
            usage(out);
            return 0;
        }
        Path root = Path.of(parsed.operands().get(0));
        String lockfile = parsed.value("--lockfile", null);
        try {
            String mavenVersion = parsed.value("--maven-version", null);
            if (mavenVersion == null) {
                mavenVersion = WrapperMavenVersion.of(root).orElse(null);
            }
            if (mavenVersion == null) {
                err.println("cache-key: the Maven version is unknown: " + root.resolve(".mvn/wrapper/"
                        + "maven-wrapper.properties") + " does not name one. Give --maven-version with the version "
                        + "`mvn -v` prints.");
                return 2;
            }
            CommandProperties command = CommandProperties.fromArguments(mavenArguments).withoutMavenConfig(root);
            CacheKey.Result result = CacheKey.compute(new CacheKey.Inputs(root,
                    lockfile != null ? Path.of(lockfile) : null, BuildEnvironment.current(mavenVersion, root),
                    command));
            out.println(result.key());
            if (parsed.flag("--detail")) {
                result.detailLines().forEach(out::println);
            }
            return 0;
        } catch (CacheKeyException e) {
            err.println("cache-key: " + e.getMessage());
            return 1;
        }
    }

    private static void usage(PrintStream stream) {
        stream.println("usage: java -jar hermetic-maven-plugin.jar cache-key DIR [--detail] [--maven-version V] "
                + "[--lockfile FILE] [-Dname=value]... [-Pids]...");
        stream.println("  DIR                 the build's root directory (its root pom.xml)");
        stream.println("  --detail            also print each component's own hash");
        stream.println("  --maven-version V   the Maven that builds (default: the Maven Wrapper's distributionUrl)");
        stream.println("  --lockfile FILE     the lockfile (default: DIR/hermetic.lock)");
        stream.println("  -D, -P              the -D properties and -P profiles given to mvn");
        stream.println("The JDK counted is the one running this command. Exit status: 0 key printed, 1 a file "
                + "cannot be read or DIR has no pom.xml, 2 bad usage.");
    }
}
