package dev.hermetic.lock;

/**
 * The environment a lockfile was made in. Differences are reported (a warning by default).
 *
 * @param mavenVersion e.g. {@code 3.9.16}
 * @param javaVersion {@code java.version}
 * @param javaVendor {@code java.vendor}
 * @param wrapperDistributionSha256 the Maven Wrapper's {@code distributionSha256Sum}, or empty without a wrapper
 */
public record BuildEnvironment(String mavenVersion, String javaVersion, String javaVendor,
        String wrapperDistributionSha256) {
    public BuildEnvironment {
        wrapperDistributionSha256 = wrapperDistributionSha256 == null ? "" : wrapperDistributionSha256;
    }
}
