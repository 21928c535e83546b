package dev.hermetic.cli;

import java.io.PrintStream;
import java.util.List;

/** {@code normalize [options] FILE...}: the core of {@code hermetic:normalize}. */
final class NormalizeCommand implements Command {

    @Override
    public String name() {
        return "normalize";
    }

    @Override
    public String summary() {
        return "rewrite zip/jar/war/ear/tar/tar.gz files in place, byte-for-byte reproducibly";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        err.println("normalize: not implemented yet");
        return 1;
    }
}
