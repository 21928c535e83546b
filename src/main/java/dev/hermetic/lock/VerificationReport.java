package dev.hermetic.lock;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.function.Predicate;

/**
 * The outcome of {@link LockfileVerifier#verify}: typed findings (errors first, then by kind and coordinates), the
 * exclusions that applied, and counts for the summary line.
 *
 * @param findings every difference found, errors first
 * @param exclusions for each exclusion pattern given (in the order given), the coordinates it excluded (possibly
 *     none: a pattern that excludes nothing is worth a look)
 * @param artifactsChecked distinct coordinates compared with the lockfile (excluded ones not counted)
 * @param filesHashed distinct files read
 * @param bytesHashed their total size
 * @param elapsed wall-clock time of the verification
 */
public record VerificationReport(List<Finding> findings, Map<String, SortedSet<ArtifactCoordinates>> exclusions,
        int artifactsChecked, int filesHashed, long bytesHashed, Duration elapsed) {

    public VerificationReport {
        findings = List.copyOf(findings);
        exclusions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(exclusions));
    }

    /** Findings that fail the build. */
    public List<Finding> errors() {
        return findings.stream().filter(f -> f.severity() == Finding.Severity.ERROR).toList();
    }

    /** Findings that are only reported. */
    public List<Finding> warnings() {
        return findings.stream().filter(f -> f.severity() == Finding.Severity.WARNING).toList();
    }

    /** Findings of one kind. */
    public List<Finding> findings(Finding.Kind kind) {
        return findings.stream().filter(f -> f.kind() == kind).toList();
    }

    /** @return true when no finding is an error */
    public boolean passed() {
        return errors().isEmpty();
    }

    /**
     * One line for the log, e.g. {@code 12 artifacts verified (10 files, 2.5 MB hashed in 0.01 s): 0 errors,
     * 1 warning, 2 excluded}.
     */
    public String summary() {
        return summary(f -> false);
    }

    /** {@link #summary()}, counting only the findings that {@code notShown} does not set aside. */
    public String summary(Predicate<Finding> notShown) {
        int excluded = exclusions.values().stream().mapToInt(SortedSet::size).sum();
        int errors = (int) errors().stream().filter(notShown.negate()).count();
        int warnings = (int) warnings().stream().filter(notShown.negate()).count();
        String files = String.format(Locale.ROOT, "%d files, %.1f MB hashed in %.2f s", filesHashed,
                bytesHashed / 1_000_000.0, elapsed.toNanos() / 1e9);
        return String.format(Locale.ROOT, "%d artifacts verified (%s): %d error%s, %d warning%s, %d excluded",
                artifactsChecked, files, errors, errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s",
                excluded);
    }
}
