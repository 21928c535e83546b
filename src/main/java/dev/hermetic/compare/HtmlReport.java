package dev.hermetic.compare;

import dev.hermetic.compare.FileComparison.Verdict;
import java.util.Map;

/**
 * A self-contained page (no scripts, fonts or style sheets from elsewhere) a person reads at a glance: the summary,
 * then one collapsible section per file, differing files open, with every kept difference (up to
 * {@link #ROWS_PER_FILE}, rarest kinds first), its two values, cause and fix, and text excerpts.
 */
public final class HtmlReport {

    static final int ROWS_PER_FILE = 1000;

    private static final String STYLE = """
            body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}
            h1{font-size:1.4em}table{border-collapse:collapse;width:100%;margin:.5em 0}
            td,th{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}
            th{background:#f3f3f3}code,pre{font:12px/1.3 ui-monospace,monospace}
            pre{background:#f8f8f8;padding:.5em;overflow:auto;margin:.25em 0}
            summary{cursor:pointer;padding:.3em 0}.different,.error,.missing{color:#b00020}.identical{color:#1b5e20}
            .ignored{color:#777}.cause{color:#444}.fix{color:#0d47a1}
            """;

    private HtmlReport() {}

    public static String write(CompareReport report) {
        StringBuilder out = new StringBuilder(16 * 1024);
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>hermetic compare: ")
                .append(escape(report.actual())).append("</title>\n<style>").append(STYLE).append("</style></head><body>\n");
        out.append("<h1>").append(report.identical() ? "Identical to the reference" : "Different from the reference").append("</h1>\n");
        out.append("<p>Reference <code>").append(escape(report.reference())).append("</code>, this build <code>")
                .append(escape(report.actual())).append("</code>.</p>\n");
        out.append("<p>").append(escape(report.summary())).append("</p>\n<table><tr><th>Verdict</th><th>Files</th></tr>\n");
        for (Verdict verdict : Verdict.values()) {
            long count = report.count(verdict);
            if (count > 0) {
                out.append("<tr><td class=\"").append(cssClass(verdict)).append("\">").append(label(verdict))
                        .append("</td><td>").append(count).append("</td></tr>\n");
            }
        }
        out.append("</table>\n");
        for (FileComparison file : report.files()) {
            file(out, file);
        }
        out.append("</body></html>\n");
        return out.toString();
    }

    private static void file(StringBuilder out, FileComparison file) {
        boolean open = file.verdict() == Verdict.DIFFERENT || file.verdict() == Verdict.ERROR;
        out.append("<details").append(open ? " open" : "").append("><summary><span class=\"").append(cssClass(file.verdict()))
                .append("\">").append(label(file.verdict())).append("</span> <code>").append(escape(file.path())).append("</code>");
        if (file.verdict() == Verdict.DIFFERENT) {
            out.append(": ").append(file.total()).append(file.total() == 1 ? " difference" : " differences");
            StringBuilder kinds = new StringBuilder();
            for (Map.Entry<String, Integer> count : file.countsByKind().entrySet()) {
                kinds.append(kinds.length() == 0 ? "" : ", ").append(count.getValue()).append(' ').append(count.getKey());
            }
            out.append(" (").append(escape(kinds.toString())).append(')');
        }
        out.append("</summary>\n");
        if (file.error() != null) {
            out.append("<p class=\"error\">").append(escape(file.error())).append("</p>\n");
        }
        if (file.referenceSha256() != null || file.actualSha256() != null) {
            out.append("<p>SHA-256:");
            if (file.referenceSha256() != null) {
                out.append(" reference <code>").append(file.referenceSha256()).append("</code>");
            }
            if (file.actualSha256() != null) {
                out.append(file.referenceSha256() != null ? "," : "").append(" here <code>").append(file.actualSha256()).append("</code>");
            }
            out.append("</p>\n");
        }
        if (!file.differences().isEmpty()) {
            out.append("<table><tr><th>Entry</th><th>What</th><th>Reference</th><th>Here</th><th>Cause and fix</th></tr>\n");
            int rows = 0;
            for (Difference d : file.rarestKindsFirst()) {
                if (rows++ == ROWS_PER_FILE) {
                    break;
                }
                out.append("<tr><td><code>").append(escape(d.entry())).append("</code></td><td>").append(escape(d.kind().id()))
                        .append(": ").append(escape(d.what()));
                if (d.excerpt() != null) {
                    out.append("<pre>").append(escape(d.excerpt())).append("</pre>");
                }
                out.append("</td><td>").append(value(d.reference())).append("</td><td>").append(value(d.actual()))
                        .append("</td><td><div class=\"cause\">").append(escape(d.cause().explanation()))
                        .append("</div><div class=\"fix\">Fix: ").append(escape(d.cause().fix())).append("</div></td></tr>\n");
            }
            out.append("</table>\n");
            int more = file.total() - Math.min(ROWS_PER_FILE, file.differences().size());
            if (more > 0) {
                out.append("<p>… and ").append(more).append(" more (the JSON report has every difference kept).</p>\n");
            }
        }
        out.append("</details>\n");
    }

    private static String value(String value) {
        return value == null ? "<i>absent</i>" : "<code>" + escape(value) + "</code>";
    }

    private static String cssClass(Verdict verdict) {
        return switch (verdict) {
            case IDENTICAL -> "identical";
            case DIFFERENT -> "different";
            case MISSING_HERE, MISSING_IN_REFERENCE -> "missing";
            case IGNORED -> "ignored";
            case ERROR -> "error";
        };
    }

    private static String label(Verdict verdict) {
        return switch (verdict) {
            case IDENTICAL -> "identical";
            case DIFFERENT -> "different";
            case MISSING_HERE -> "missing here";
            case MISSING_IN_REFERENCE -> "not in the reference";
            case IGNORED -> "ignored";
            case ERROR -> "not compared";
        };
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
