package dev.hermetic.audit;

import java.util.List;

/**
 * Every check's result, in {@link Check}'s order, and the level they reach.
 *
 * @param results one per check
 */
public record AuditReport(List<CheckResult> results) {

    public AuditReport {
        results = List.copyOf(results);
    }

    /**
     * The highest level whose checks, and those of every level below it, all pass. A check that fails at a higher
     * level does not lower it; one that fails at or below it would.
     */
    public Level level() {
        Level reached = Level.BASIC;
        for (Level next = Level.BASIC.next(); next != null; next = next.next()) {
            if (!missingFor(next).isEmpty()) {
                break;
            }
            reached = next;
        }
        return reached;
    }

    /** The checks that do not pass and that {@code level} needs (its own and those of the levels below). */
    public List<CheckResult> missingFor(Level level) {
        return results.stream().filter(r -> !r.passed() && r.check().level().compareTo(level) <= 0).toList();
    }

    /** Every check that does not pass, in {@link Check}'s order. */
    public List<CheckResult> failing() {
        return results.stream().filter(r -> !r.passed()).toList();
    }

    /** How many checks pass. */
    public long passing() {
        return results.size() - failing().size();
    }

    /** Whether the build is at {@code required} or above. */
    public boolean reaches(Level required) {
        return level().compareTo(required) >= 0;
    }

    /**
     * Why the build fails a required level: the level reached, the level required, and each missing check with its
     * fix.
     */
    public String belowMessage(Level required, String property, String reportFile) {
        StringBuilder m = new StringBuilder("hermetic:audit: this build is at " + level().name() + ", "
                + required.name() + " is required (" + property + "). To reach " + required.name() + ", fix:");
        for (CheckResult r : missingFor(required)) {
            m.append("\n  - ").append(r.check().id()).append(" [").append(r.check().level().name()).append("]: ")
                    .append(r.evidence().isEmpty() ? r.check().title() : r.evidence().get(0))
                    .append("\n    fix: ").append(r.fix());
        }
        return m.append("\nEvery check, with what to paste: ").append(reportFile).toString();
    }
}
