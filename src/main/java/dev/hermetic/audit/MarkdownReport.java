package dev.hermetic.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report as a Markdown page to paste into a pull request: the level, a table of every check, then every failing
 * check with all its evidence, its fix and what to paste, grouped by the level that needs it.
 */
public final class MarkdownReport {

    private MarkdownReport() {}

    public static String write(AuditReport report) {
        StringBuilder md = new StringBuilder();
        Level level = report.level();
        Level next = level.next();
        md.append("# hermetic:audit: ").append(level.title()).append("\n\n");
        md.append("**").append(level.title()).append("** (").append(level.meaning()).append("): ")
                .append(report.passing()).append(" of ").append(report.results().size()).append(" checks pass.");
        if (next == null) {
            md.append(" This is the top level.\n\n");
        } else {
            int missing = report.missingFor(next).size();
            md.append(" Next: **").append(next.title()).append("** (").append(next.meaning()).append("), ")
                    .append(missing).append(missing == 1 ? " check" : " checks").append(" to fix.\n\n");
        }
        md.append("| Level | Check | Result | Evidence |\n|---|---|---|---|\n");
        for (CheckResult r : report.results()) {
            md.append("| ").append(r.check().level().title()).append(" | `").append(r.check().id()).append("` | ")
                    .append(r.passed() ? "pass" : "**" + r.status().label() + "**").append(" | ")
                    .append(String.join("<br>", r.evidence().stream().map(MarkdownReport::text).toList()))
                    .append(" |\n");
        }
        Map<String, String> shown = new LinkedHashMap<>();
        for (Level above = next; above != null; above = above.next()) {
            Level needed = above;
            List<CheckResult> missing = report.failing().stream().filter(r -> r.check().level() == needed).toList();
            if (missing.isEmpty()) {
                continue;
            }
            md.append("\n## ").append(above == next ? "To reach " : "Then, for ").append(above.title()).append("\n");
            for (CheckResult r : missing) {
                md.append("\n### `").append(r.check().id()).append("`: ").append(r.check().title()).append("\n\n");
                for (String line : r.evidence()) {
                    md.append("- ").append(text(line)).append('\n');
                }
                md.append("\n**Fix:** ").append(text(r.fix())).append('\n');
                if (!r.snippet().isEmpty()) {
                    String earlier = shown.putIfAbsent(r.snippet(), r.check().id());
                    if (earlier != null) {
                        md.append("\nPaste the same as for `").append(earlier).append("` above.\n");
                    } else {
                        md.append("\n```").append(language(r.snippet())).append('\n').append(r.snippet())
                                .append("\n```\n");
                    }
                }
            }
        }
        return md.toString();
    }

    /** Plain text as Markdown shows it: what would be markup (a tag, emphasis, a table's bar) escaped. */
    static String text(String plain) {
        StringBuilder out = new StringBuilder(plain.length());
        for (char c : plain.toCharArray()) {
            if ("\\`*_[]<>|#".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String language(String snippet) {
        if (snippet.startsWith("<")) {
            return "xml";
        }
        return snippet.contains("mvn ") ? "sh" : "properties";
    }

    /** The levels and the checks each needs, as docs/audit.md lists them. */
    static List<String> levelTable() {
        List<String> rows = new ArrayList<>();
        for (Level level : Level.values()) {
            List<String> checks = new ArrayList<>();
            for (Check check : Check.values()) {
                if (check.level() == level) {
                    checks.add("`" + check.id() + "`");
                }
            }
            rows.add("| " + level.title() + " | " + level.meaning() + " | "
                    + (checks.isEmpty() ? "nothing" : String.join(", ", checks)) + " |");
        }
        return rows;
    }
}
