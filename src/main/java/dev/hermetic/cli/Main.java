package dev.hermetic.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * Command-line entry point on the same core the Maven goals use, for Gradle, Bazel and shell users:
 * {@code java -jar hermetic-maven-plugin-<version>.jar <command> [options] ...}.
 */
public final class Main {

    private static final List<Command> COMMANDS = List.of(
            new NormalizeCommand(),
            new SignCommand(),
            new LockVerifyCommand(),
            new VerifyProvenanceCommand(),
            new CompareCommand(),
            new CacheKeyCommand());

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h")) {
            usage(args.isEmpty() ? err : out);
            return args.isEmpty() ? 2 : 0;
        }
        for (Command command : COMMANDS) {
            if (command.name().equals(args.get(0))) {
                return command.run(args.subList(1, args.size()), out, err);
            }
        }
        err.println("Unknown command '" + args.get(0) + "'.");
        usage(err);
        return 2;
    }

    private static void usage(PrintStream stream) {
        stream.println("usage: java -jar hermetic-maven-plugin.jar <command> [options] ...");
        for (Command command : COMMANDS) {
            stream.printf("  %-17s %s%n", command.name(), command.summary());
        }
        stream.println("Run a command with --help for its options.");
    }
}
