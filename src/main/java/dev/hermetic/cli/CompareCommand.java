package dev.hermetic.cli;

import dev.hermetic.compare.BuildComparator;
import dev.hermetic.compare.BuildcompareWriter;
import dev.hermetic.compare.CauseTable;
import dev.hermetic.compare.CompareReport;
import dev.hermetic.compare.ConsoleReport;
import dev.hermetic.compare.FileComparison;
import dev.hermetic.compare.HtmlReport;
import dev.hermetic.compare.JsonReport;
import dev.hermetic.io.AtomicFile;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code compare [options] REFERENCE ACTUAL}: the core of {@code hermetic:compare}. */
final class CompareCommand implements Command {

    private final Map<String, String> environment;

    CompareCommand() {
        this(System.getenv());
    }

    CompareCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public String name() {
        return "compare";
    }

    @Override
    public String summary() {
        return "explain how two builds' files differ (two files, or two directories), with causes and fixes";
    }

    private static void help(PrintStream out) {
        out.println("usage: compare [--causes FILE] [--ignore GLOB]... [--show N] [--json FILE] [--html FILE]");
        out.println("               [--buildcompare FILE] [--version VERSION] REFERENCE ACTUAL");
        out.println("Compares two files, or two directories (files matched by relative path). Archives (zip, jar, war,");
        out.println("ear, tar, tar.gz, nested ones too) are compared entry by entry; each difference is shown with both");
        out.println("values, its cause and one fix. A REFERENCE named *.buildinfo is compared by checksum with ACTUAL");
        out.println("(a file, or a directory whose files are found by name).");
        out.println("  --causes        a cause table of your own, tried before the built-in one (docs/compare.md)");
        out.println("  --ignore        glob of relative paths not to compare, e.g. '*.asc' (repeatable)");
        out.println("  --show          differences shown per file (default " + ConsoleReport.DEFAULT_SHOWN + ")");
        out.println("  --json          also write every difference as JSON to FILE");
        out.println("  --html          also write a self-contained HTML page to FILE");
        out.println("  --buildcompare  also write maven-artifact-plugin's .buildcompare to FILE (--version fills 'version')");
        out.println("Exit status: 0 identical, 1 different (or files missing on one side), 2 error.");
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        CommandLineArguments parsed;
        try {
            parsed = CommandLineArguments.parse(args,
                    Set.of("--causes", "--ignore", "--show", "--json", "--html", "--buildcompare", "--version"), Set.of());
        } catch (CommandLineArguments.UsageException e) {
            err.println("compare: " + e.getMessage());
            help(err);
            return 2;
        }
        if (parsed.help()) {
            help(out);
            return 0;
        }
        if (parsed.operands().size() != 2) {
            err.println("compare: expected REFERENCE and ACTUAL, got " + parsed.operands().size() + " operand"
                    + (parsed.operands().size() == 1 ? "" : "s"));
            help(err);
            return 2;
        }
        int shown;
        String showValue = parsed.value("--show", String.valueOf(ConsoleReport.DEFAULT_SHOWN));
        try {
            shown = Integer.parseInt(showValue);
            if (shown < 0) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            err.println("compare: --show '" + showValue + "' is not a number of differences: use 0 or more");
            return 2;
        }
        Path reference = Path.of(parsed.operands().get(0));
        Path actual = Path.of(parsed.operands().get(1));
        CompareReport report;
        try {
            String causes = parsed.value("--causes", null);
            CauseTable table = causes == null ? CauseTable.builtIn() : CauseTable.withUserRules(Path.of(causes));
            Path spill = Path.of(System.getProperty("java.io.tmpdir"));
            report = new BuildComparator(table, parsed.values("--ignore"), spill).compare(reference, actual);
        } catch (CauseTable.CauseTableException e) {
            err.println("compare: cause table " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("compare: " + e.getMessage());
            return 2;
        }
        for (String line : ConsoleReport.lines(report, shown, diffoscopeOnPath())) {
            out.println(line);
        }
        try {
            write(parsed.value("--json", null), () -> JsonReport.write(report), out);
            write(parsed.value("--html", null), () -> HtmlReport.write(report), out);
            write(parsed.value("--buildcompare", null), () -> BuildcompareWriter.write(report, parsed.value("--version", "")), out);
        } catch (IOException e) {
            err.println("compare: cannot write the report: " + e.getMessage());
            return 2;
        }
        if (report.hasErrors()) {
            for (FileComparison file : report.files()) {
                if (file.error() != null) {
                    err.println("compare: " + file.error());
                }
            }
            return 2;
        }
        return report.identical() ? 0 : 1;
    }

    /** Writes a report only when its option was given: a large comparison's JSON and HTML cost time and memory. */
    private static void write(String target, java.util.function.Supplier<Object> report, PrintStream out) throws IOException {
        if (target == null) {
            return;
        }
        Path file = Path.of(target);
        Object content = report.get();
        if (content instanceof byte[] bytes) {
            AtomicFile.write(file, bytes);
        } else {
            AtomicFile.write(file, (String) content);
        }
        out.println("written to " + file);
    }

    private boolean diffoscopeOnPath() {
        return ConsoleReport.diffoscopeOnPath(environment.get("PATH"));
    }
}
