package dev.hermetic.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * Command-line entry point on the same core the Maven goals use, for Gradle, Bazel and shell users:
 * {@code java -jar hermetic-maven-plugin-<version>.jar <command> [options] ...}.
 */
public final class Main {

    /** The commands' names, in the order the usage text lists them. */
    static final List<String> NAMES = List.of("normalize", "sign", "lock-verify", "verify-provenance", "compare",
            "cache-key", "vendor");

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h")) {
            usage(args.isEmpty() ? err : out);
            return args.isEmpty() ? 2 : 0;
        }
        Command command = command(args.get(0));
        if (command != null) {
            return command.run(args.subList(1, args.size()), out, err);
        }
        err.println("Unknown command '" + args.get(0) + "'.");
        usage(err);
        return 2;
    }

    /**
     * The command of that name, or null. Only that one is loaded: a command's class and what it refers to (its
     * exceptions, its static state) cost a short command like {@code cache-key} start-up time.
     */
    static Command command(String name) {
        return switch (name) {
            case "normalize" -> new NormalizeCommand();
            case "sign" -> new SignCommand();
            case "lock-verify" -> new LockVerifyCommand();
            case "verify-provenance" -> new VerifyProvenanceCommand();
            case "compare" -> new CompareCommand();
            case "cache-key" -> new CacheKeyCommand();
            case "vendor" -> new VendorCommand();
            default -> null;
        };
    }

    private static void usage(PrintStream stream) {
        stream.println("usage: java -jar hermetic-maven-plugin.jar <command> [options] ...");
        for (String name : NAMES) {
            stream.printf("  %-17s %s%n", name, command(name).summary());
        }
        stream.println("Run a command with --help for its options.");
    }
}
