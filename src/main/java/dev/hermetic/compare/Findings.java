package dev.hermetic.compare;

import java.util.ArrayList;
import java.util.List;

/**
 * The differences found in one file, classified as they are added, with two caps so that output and memory stay
 * bounded however large the archives: at most {@link #PER_ENTRY} differences for one entry (a class with a
 * hundred changed methods) and {@link #PER_FILE} for the file. What is over a cap is counted, not kept.
 */
final class Findings {

    static final int PER_ENTRY = 20;
    static final int PER_FILE = 100_000;
    /** Longest value kept as evidence; longer ones are cut with "…". */
    static final int MAX_VALUE = 300;

    private final CauseTable causes;
    private final List<Difference> kept = new ArrayList<>();
    private int omitted;
    private boolean settled;
    private String lastEntry;
    private int lastEntryCount;

    Findings(CauseTable causes) {
        this.causes = causes;
    }

    void add(String entry, DifferenceKind kind, String what, String reference, String actual) {
        add(entry, kind, what, reference, actual, null);
    }

    void add(String entry, DifferenceKind kind, String what, String reference, String actual, String excerpt) {
        if (!entry.equals(lastEntry)) {
            lastEntry = entry;
            lastEntryCount = 0;
        }
        lastEntryCount++;
        if (lastEntryCount > PER_ENTRY || kept.size() >= PER_FILE) {
            omitted++;
            return;
        }
        String ref = cut(reference);
        String act = cut(actual);
        kept.add(new Difference(entry, kind, what, ref, act, excerpt, causes.classify(entry, kind, what, ref, act)));
    }

    static String cut(String value) {
        return value == null || value.length() <= MAX_VALUE ? value : value.substring(0, MAX_VALUE) + "…";
    }

    /** Differences found so far, kept or omitted. */
    int count() {
        return kept.size() + omitted;
    }

    boolean isEmpty() {
        return kept.isEmpty() && omitted == 0;
    }

    /**
     * The differences kept, each with its cause. The first time, rules with {@code given} (a cause that another
     * difference of the same file shows, such as the JDK named in the manifest) are applied: only once the whole
     * file is seen, so the result does not depend on the order of its entries.
     */
    List<Difference> kept() {
        if (!settled) {
            settled = true;
            if (causes.hasGivenRules() && !kept.isEmpty()) {
                java.util.Set<String> found = new java.util.HashSet<>();
                for (Difference d : kept) {
                    found.add(d.cause().id());
                }
                kept.replaceAll(d -> new Difference(d.entry(), d.kind(), d.what(), d.reference(), d.actual(), d.excerpt(),
                        causes.classify(d.entry(), d.kind(), d.what(), d.reference(), d.actual(), found)));
            }
        }
        return kept;
    }

    int omitted() {
        return omitted;
    }
}
