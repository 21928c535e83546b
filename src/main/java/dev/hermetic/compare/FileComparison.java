package dev.hermetic.compare;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The verdict on one file and, when it differs, every difference found (up to a cap).
 *
 * @param path the file's path relative to the compared directories, or the actual file's name
 * @param reference the reference file as given, or {@code null} when missing there
 * @param actual the actual file as given, or {@code null} when missing there
 * @param referenceSha256 hex SHA-256 of the reference, or {@code null}
 * @param actualSha256 hex SHA-256 of the actual file, or {@code null}
 * @param differences the differences kept, in the order found
 * @param omitted differences found beyond the caps (per entry and per file), counted but not kept
 * @param error what made the comparison impossible (verdict ERROR), else {@code null}
 */
public record FileComparison(String path, Verdict verdict, String reference, String actual, String referenceSha256,
        String actualSha256, List<Difference> differences, int omitted, String error) {

    public enum Verdict {
        IDENTICAL,
        DIFFERENT,
        /** Only in the actual build. */
        MISSING_IN_REFERENCE,
        /** Only in the reference. */
        MISSING_HERE,
        /** Matched an ignore pattern: not compared. */
        IGNORED,
        ERROR
    }

    public FileComparison {
        differences = List.copyOf(differences);
    }

    /** All differences found, kept or omitted. */
    public int total() {
        return differences.size() + omitted;
    }

    /**
     * The kept differences, those of the rarest kinds first (in the order found within a kind): in a rebuild where
     * every entry's time differs, the one class that changed would otherwise sit behind thousands of timestamps.
     */
    public List<Difference> rarestKindsFirst() {
        Map<DifferenceKind, Integer> counts = new java.util.EnumMap<>(DifferenceKind.class);
        for (Difference d : differences) {
            counts.merge(d.kind(), 1, Integer::sum);
        }
        List<Difference> sorted = new java.util.ArrayList<>(differences);
        sorted.sort(java.util.Comparator.comparingInt((Difference d) -> counts.get(d.kind())));
        return sorted;
    }

    /** How many kept differences of each kind, by kind id, sorted. */
    public Map<String, Integer> countsByKind() {
        Map<String, Integer> counts = new TreeMap<>();
        for (Difference d : differences) {
            counts.merge(d.kind().id(), 1, Integer::sum);
        }
        return counts;
    }
}
