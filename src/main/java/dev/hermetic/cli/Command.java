package dev.hermetic.cli;

import java.io.PrintStream;
import java.util.List;

/** One sub-command of {@code java -jar hermetic-maven-plugin.jar}. */
interface Command {

    /** Name typed on the command line. */
    String name();

    /** One line for the usage text. */
    String summary();

    /** @return process exit status: 0 success, 1 failure of the work, 2 bad usage */
    int run(List<String> args, PrintStream out, PrintStream err);
}
