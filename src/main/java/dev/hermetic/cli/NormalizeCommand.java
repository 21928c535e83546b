package dev.hermetic.cli;

import dev.hermetic.archive.ArchiveNormalizer;
import dev.hermetic.archive.ArchiveProblemException;
import dev.hermetic.archive.BuildTimestamp;
import dev.hermetic.archive.CompressionMode;
import dev.hermetic.archive.NormalizationOptions;
import dev.hermetic.archive.NormalizationResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code normalize [options] FILE...}: the core of {@code hermetic:normalize}. */
final class NormalizeCommand implements Command {

    private final Map<String, String> environment;

    NormalizeCommand() {
        this(System.getenv());
    }

    NormalizeCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public String name() {
        return "normalize";
    }

    @Override
    public String summary() {
        return "rewrite zip/jar/war/ear/tar/tar.gz files in place, byte-for-byte reproducibly";
    }

    private static void help(PrintStream out) {
        out.println("usage: normalize [--timestamp SECONDS|ISO-8601] [--mode portable|fast]");
        out.println("                 [--remove-manifest-attribute NAME]... FILE...");
        out.println("Rewrites each zip (jar, war, ear, ...), tar or tar.gz in place, detected by content.");
        out.println("  --timestamp   instant every entry carries; default: $SOURCE_DATE_EPOCH, else 1980-02-01T00:00:00Z");
        out.println("  --mode        portable (default): every deflated entry re-compressed with pure-Java deflate,");
        out.println("                bytes identical on every JDK and platform; fast: unchanged entries keep their");
        out.println("                compressed bytes");
        out.println("  --remove-manifest-attribute  also remove this main-section manifest attribute (repeatable);");
        out.println("                the defaults are always removed: "
                + String.join(", ", NormalizationOptions.DEFAULT_MANIFEST_ATTRIBUTES_TO_REMOVE));
        out.println("Prints one line per file: outcome, entries, SHA-256 of the result. Exit 1 on bad input, 2 on bad usage.");
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        CommandLineArguments parsed;
        try {
            parsed = CommandLineArguments.parse(args, Set.of("--timestamp", "--mode", "--remove-manifest-attribute"),
                    Set.of());
        } catch (CommandLineArguments.UsageException e) {
            err.println("normalize: " + e.getMessage());
            help(err);
            return 2;
        }
        if (parsed.help()) {
            help(out);
            return 0;
        }
        String timestamp = parsed.value("--timestamp", null);
        CompressionMode mode;
        String modeName = parsed.value("--mode", "portable");
        try {
            mode = CompressionMode.parse(modeName);
        } catch (IllegalArgumentException e) {
            err.println("normalize: --mode '" + modeName + "' is not a mode: use portable or fast");
            return 2;
        }
        List<String> removals = new ArrayList<>(NormalizationOptions.DEFAULT_MANIFEST_ATTRIBUTES_TO_REMOVE);
        removals.addAll(parsed.values("--remove-manifest-attribute"));
        List<Path> files = new ArrayList<>();
        for (String operand : parsed.operands()) {
            files.add(Path.of(operand));
        }
        if (files.isEmpty()) {
            err.println("normalize: no FILE given");
            help(err);
            return 2;
        }
        BuildTimestamp time;
        try {
            time = timestamp != null ? BuildTimestamp.parse(timestamp, "--timestamp") : BuildTimestamp.resolve(environment, null);
        } catch (IllegalArgumentException e) {
            err.println("normalize: " + e.getMessage());
            return 2;
        }
        ArchiveNormalizer normalizer = new ArchiveNormalizer(NormalizationOptions.defaults(time.epochSeconds())
                .withCompression(mode)
                .withManifestAttributesToRemove(removals));
        int status = 0;
        for (Path file : files) {
            try {
                NormalizationResult result = normalizer.normalize(file);
                out.printf("%-14s %6d entries  sha256:%s  %s%n", result.outcome(), result.entries(), result.sha256(), file);
            } catch (ArchiveProblemException e) {
                err.println("normalize: " + e.getMessage());
                status = 1;
            } catch (IOException e) {
                err.println("normalize: " + file + ": cannot be read or written: " + e);
                status = 1;
            }
        }
        return status;
    }
}
