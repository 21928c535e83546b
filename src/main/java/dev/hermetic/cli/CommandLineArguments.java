package dev.hermetic.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options and operands of one sub-command, read the same way for every command: {@code --name value} and
 * {@code --name=value}, options given more than once, flags, {@code --help} or {@code -h}, and {@code --} before
 * operands that start with '-'. Any other argument starting with '-' is an unknown option; a lone {@code -} is an
 * operand.
 */
final class CommandLineArguments {

    /** Bad usage; the message says what is wrong, to be printed as "COMMAND: message" before the usage text. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    private final Map<String, List<String>> values = new HashMap<>();
    private final Set<String> flags = new HashSet<>();
    private final List<String> operands = new ArrayList<>();
    private boolean help;

    private CommandLineArguments() {}

    /**
     * @param valued the options that take a value
     * @param flagNames the options that take none
     */
    static CommandLineArguments parse(List<String> args, Set<String> valued, Set<String> flagNames)
            throws UsageException {
        CommandLineArguments parsed = new CommandLineArguments();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                parsed.operands.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (arg.equals("--help") || arg.equals("-h")) {
                parsed.help = true;
                return parsed;
            }
            if (!arg.startsWith("-") || arg.equals("-")) {
                parsed.operands.add(arg);
                continue;
            }
            int eq = arg.startsWith("--") ? arg.indexOf('=') : -1;
            String name = eq > 0 ? arg.substring(0, eq) : arg;
            if (flagNames.contains(name)) {
                if (eq > 0) {
                    throw new UsageException(name + " takes no value");
                }
                parsed.flags.add(name);
            } else if (valued.contains(name)) {
                String value;
                if (eq > 0) {
                    value = arg.substring(eq + 1);
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    throw new UsageException(name + " needs a value");
                }
                List<String> list = parsed.values.get(name);
                if (list == null) {
                    list = new ArrayList<>();
                    parsed.values.put(name, list);
                }
                list.add(value);
            } else {
                throw new UsageException("unknown option '" + arg + "'");
            }
        }
        return parsed;
    }

    /** Whether {@code --help} or {@code -h} was given (then nothing after it was read). */
    boolean help() {
        return help;
    }

    /** The option's last value, or {@code fallback} when it was not given. */
    String value(String name, String fallback) {
        List<String> list = values.get(name);
        return list == null ? fallback : list.get(list.size() - 1);
    }

    /** Every value of a repeatable option, in order. */
    List<String> values(String name) {
        List<String> list = values.get(name);
        return list == null ? List.of() : List.copyOf(list);
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    List<String> operands() {
        return List.copyOf(operands);
    }
}
