package dev.hermetic.compare;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The report a person reads in a terminal or a build log: one line per file, then for a differing file its first
 * differences ({@linkplain FileComparison#rarestKindsFirst() rarest kinds first}) with both values, each cause and fix the first time it appears in that file, "… and M more", and
 * the diffoscope command when diffoscope is installed; last, the summary line.
 */
public final class ConsoleReport {

    /** Differences shown per file unless asked otherwise. */
    public static final int DEFAULT_SHOWN = 20;

    private ConsoleReport() {}

    /**
     * @param shown differences shown per file
     * @param diffoscope whether to print a {@code diffoscope} command per differing file
     */
    public static List<String> lines(CompareReport report, int shown, boolean diffoscope) {
        List<String> lines = new ArrayList<>();
        for (FileComparison file : report.files()) {
            file(lines, file, shown, diffoscope);
        }
        lines.add(report.summary());
        return lines;
    }

    private static void file(List<String> lines, FileComparison file, int shown, boolean diffoscope) {
        switch (file.verdict()) {
            case IDENTICAL -> lines.add("identical      " + file.path());
            case IGNORED -> lines.add("ignored        " + file.path());
            case MISSING_HERE -> lines.add("missing here   " + file.path() + " (only in the reference " + file.reference() + ")");
            case MISSING_IN_REFERENCE -> lines.add("no reference   " + file.path() + " (not in the reference)");
            case ERROR -> lines.add("not compared   " + file.path() + ": " + file.error());
            case DIFFERENT -> different(lines, file, shown, diffoscope);
        }
    }

    private static void different(List<String> lines, FileComparison file, int shown, boolean diffoscope) {
        List<String> counts = new ArrayList<>();
        for (Map.Entry<String, Integer> count : file.countsByKind().entrySet()) {
            counts.add(count.getValue() + " " + count.getKey());
        }
        lines.add("different      " + file.path() + ": " + file.total() + (file.total() == 1 ? " difference" : " differences")
                + (counts.isEmpty() ? "" : " (" + String.join(", ", counts) + (file.omitted() > 0 ? ", " + file.omitted() + " more" : "") + ")"));
        Set<String> explained = new HashSet<>();
        int n = 0;
        for (Difference d : file.rarestKindsFirst()) {
            if (n++ == shown) {
                break;
            }
            lines.add("  " + (d.entry().isEmpty() ? "" : d.entry() + "  ") + d.what() + ": reference " + quoted(d.reference())
                    + ", here " + quoted(d.actual()) + "  [" + d.cause().id() + "]");
            if (d.excerpt() != null) {
                for (String line : TextDiff.lines(d.excerpt())) {
                    lines.add("      " + line);
                }
            }
            if (explained.add(d.cause().id())) {
                lines.add("    cause: " + d.cause().explanation());
                lines.add("    fix:   " + d.cause().fix());
            }
        }
        if (file.total() > shown) {
            lines.add("  … and " + (file.total() - Math.min(shown, file.differences().size())) + " more");
        }
        if (diffoscope) {
            lines.add("  investigate with: " + diffoscopeCommand(file));
        }
    }

    /** Whether {@code diffoscope} is an executable in one of the directories of this {@code PATH} value. */
    public static boolean diffoscopeOnPath(String path) {
        if (path == null) {
            return false;
        }
        for (String directory : path.split(File.pathSeparator)) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, "diffoscope"))) {
                return true;
            }
        }
        return false;
    }

    /** "diffoscope REFERENCE ACTUAL", each path quoted for a POSIX shell when it needs it. */
    public static String diffoscopeCommand(FileComparison file) {
        return "diffoscope " + shellWord(file.reference()) + " " + shellWord(file.actual());
    }

    private static String shellWord(String path) {
        return path.matches("[A-Za-z0-9_./:@%+=,-]+") ? path : "'" + path.replace("'", "'\\''") + "'";
    }

    /** A value in quotes, unless it is already a list of quoted values ("a", "b"), which would double them. */
    private static String quoted(String value) {
        if (value == null) {
            return "(absent)";
        }
        return value.length() > 1 && value.startsWith("\"") && value.endsWith("\"") ? value : "\"" + value + "\"";
    }
}
