package dev.hermetic.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report as console lines: the level, a table of every check with its first line of evidence, then each failing
 * check with all its evidence (up to a cap) and its fix, grouped by the level that needs it.
 */
public final class ConsoleReport {

    /** Evidence lines shown per failing check; the Markdown and JSON reports keep them all. */
    static final int SHOWN = 8;
    private static final int CELL = 96;

    private ConsoleReport() {}

    public static List<String> lines(AuditReport report, String markdownFile) {
        List<String> lines = new ArrayList<>();
        Level level = report.level();
        Level next = level.next();
        lines.add("hermetic:audit: " + level.name() + " (" + level.meaning() + "), " + report.passing() + " of "
                + report.results().size() + " checks pass" + (next == null ? ": the top level"
                        : "; next: " + next.name() + " (" + next.meaning() + "), " + count(report.missingFor(next).size())
                                + " to fix"));
        lines.add(String.format(Locale.ROOT, "  %-9s %-20s %-13s %s", "level", "check", "result", "evidence"));
        for (CheckResult r : report.results()) {
            lines.add(String.format(Locale.ROOT, "  %-9s %-20s %-13s %s", r.check().level().name(), r.check().id(),
                    r.status().label(), r.evidence().isEmpty() ? "" : cell(r.evidence().get(0))));
        }
        for (Level above = next; above != null; above = above.next()) {
            Level needed = above;
            List<CheckResult> missing = report.failing().stream().filter(r -> r.check().level() == needed).toList();
            if (missing.isEmpty()) {
                continue;
            }
            lines.add((above == next ? "To reach " : "Then, for ") + above.name() + ":");
            for (CheckResult r : missing) {
                lines.add("  - " + r.check().id() + " (" + r.check().title() + "): " + r.status().label());
                List<String> evidence = r.evidence();
                for (int i = 0; i < Math.min(SHOWN, evidence.size()); i++) {
                    lines.add("      " + evidence.get(i));
                }
                if (evidence.size() > SHOWN) {
                    lines.add("      ... and " + (evidence.size() - SHOWN) + " more (" + markdownFile + ")");
                }
                lines.add("    fix: " + r.fix());
                if (!r.snippet().isEmpty()) {
                    if (r.snippet().lines().count() == 1) {
                        lines.add("      " + r.snippet());
                    } else {
                        lines.add("      (what to paste: " + markdownFile + ")");
                    }
                }
            }
        }
        return lines;
    }

    private static String cell(String text) {
        return text.length() <= CELL ? text : text.substring(0, CELL - 3) + "...";
    }

    private static String count(int checks) {
        return checks + (checks == 1 ? " check" : " checks");
    }
}
