/**
 * A reproducible CycloneDX 1.6 SBOM of one module ({@link dev.hermetic.sbom.CycloneDxSbom}), written with
 * cyclonedx-core-java from the lockfile's digests. The format is described in {@code docs/sbom.md}. Knows nothing of
 * Maven.
 */
package dev.hermetic.sbom;
