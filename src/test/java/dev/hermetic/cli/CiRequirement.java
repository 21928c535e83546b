package dev.hermetic.cli;

import org.junit.jupiter.api.Assumptions;

/**
 * Something a test needs that this project's machines always have (a second JDK, the tools beside the checkout):
 * where it is absent the test skips, saying why; under CI (environment variable {@code CI} set) it fails instead, so
 * a check cannot silently stop running there.
 */
public final class CiRequirement {

    private CiRequirement() {}

    public static void require(boolean present, String absence) {
        require(present, absence, System.getenv("CI"));
    }

    static void require(boolean present, String absence, String ciVariable) {
        if (present) {
            return;
        }
        if (ciVariable != null && !ciVariable.isBlank() && !ciVariable.equalsIgnoreCase("false")) {
            throw new AssertionError(absence + ". CI is set (CI=" + ciVariable + "): on CI this must be present, so the"
                    + " test fails rather than skip.");
        }
        Assumptions.abort(absence + ": skipped (under CI=true this fails).");
    }
}
