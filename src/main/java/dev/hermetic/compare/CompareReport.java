package dev.hermetic.compare;

import dev.hermetic.compare.FileComparison.Verdict;
import java.util.List;

/**
 * The comparison of a whole build with its reference.
 *
 * @param reference what was compared against (file or directory), as given
 * @param actual what was compared, as given
 * @param files one verdict per file, sorted by path
 */
public record CompareReport(String reference, String actual, List<FileComparison> files) {

    public CompareReport {
        files = List.copyOf(files);
    }

    public long count(Verdict verdict) {
        return files.stream().filter(f -> f.verdict() == verdict).count();
    }

    public boolean identical() {
        return files.stream().allMatch(f -> f.verdict() == Verdict.IDENTICAL || f.verdict() == Verdict.IGNORED);
    }

    public boolean hasErrors() {
        return count(Verdict.ERROR) > 0;
    }

    /** One summary line, with maven-artifact-plugin's counts. */
    public String summary() {
        long ok = count(Verdict.IDENTICAL);
        long ko = count(Verdict.DIFFERENT);
        long missing = count(Verdict.MISSING_HERE) + count(Verdict.MISSING_IN_REFERENCE);
        long ignored = count(Verdict.IGNORED);
        long errors = count(Verdict.ERROR);
        return "rebuild comparison result: " + ok + " files match, " + ko + " differ"
                + (missing == 0 ? "" : ", " + missing + " missing")
                + (ignored == 0 ? "" : ", " + ignored + " ignored")
                + (errors == 0 ? "" : ", " + errors + " could not be compared");
    }
}
