package dev.hermetic.compare;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code .buildcompare} file of maven-artifact-plugin 3.6.1's {@code compare} goal, which Reproducible Central
 * tooling reads: {@code version}, {@code ok}, {@code ko}, {@code ignored}, {@code okFiles}, {@code koFiles},
 * {@code ignoredFiles}, {@code missing} and {@code missingFiles} when files are missing, then one
 * {@code # diffoscope REFERENCE ACTUAL} line per differing file. As there, {@code ko} counts every file that is not
 * ok (different, missing or not comparable) and {@code koFiles} lists the differing ones.
 */
public final class BuildcompareWriter {

    private BuildcompareWriter() {}

    /** @param version the compared build's version ("" when unknown) */
    public static String write(CompareReport report, String version) {
        List<String> ok = new ArrayList<>();
        List<String> ko = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> diffoscope = new ArrayList<>();
        for (FileComparison file : report.files()) {
            switch (file.verdict()) {
                case IDENTICAL -> ok.add(file.path());
                case IGNORED -> ignored.add(file.path());
                case MISSING_HERE, MISSING_IN_REFERENCE -> missing.add(file.path());
                case DIFFERENT, ERROR -> {
                    ko.add(file.path());
                    diffoscope.add(ConsoleReport.diffoscopeCommand(file));
                }
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("version=").append(version).append('\n');
        out.append("ok=").append(ok.size()).append('\n');
        out.append("ko=").append(report.files().size() - ok.size() - ignored.size()).append('\n');
        out.append("ignored=").append(ignored.size()).append('\n');
        out.append("okFiles=\"").append(String.join(" ", ok)).append("\"\n");
        out.append("koFiles=\"").append(String.join(" ", ko)).append("\"\n");
        out.append("ignoredFiles=\"").append(String.join(" ", ignored)).append("\"\n");
        if (!missing.isEmpty()) {
            out.append("missing=").append(missing.size()).append('\n');
            out.append("missingFiles=\"").append(String.join(" ", missing)).append("\"\n");
        }
        for (String command : diffoscope) {
            out.append("# ").append(command).append('\n');
        }
        return out.toString();
    }
}
