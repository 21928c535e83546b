package dev.hermetic.audit;

import java.util.List;
import java.util.Objects;

/**
 * What one check found.
 *
 * @param check the check
 * @param status its result
 * @param evidence what it looked at and saw, one fact a line: for a failure, every offending item
 * @param fix what to do so it passes, or empty when it passes
 * @param snippet what to paste for that fix (POM XML, a command, a line of a file), or empty
 */
public record CheckResult(Check check, Status status, List<String> evidence, String fix, String snippet) {

    public CheckResult {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(status, "status");
        evidence = List.copyOf(evidence);
        fix = fix == null ? "" : fix;
        snippet = snippet == null ? "" : snippet;
        if (status != Status.PASS && fix.isEmpty()) {
            throw new IllegalArgumentException("check " + check.id() + " does not pass and gives no fix");
        }
    }

    static CheckResult pass(Check check, List<String> evidence) {
        return new CheckResult(check, Status.PASS, evidence, "", "");
    }

    static CheckResult fail(Check check, List<String> evidence, String fix, String snippet) {
        return new CheckResult(check, Status.FAIL, evidence, fix, snippet);
    }

    public boolean passed() {
        return status == Status.PASS;
    }
}
