/**
 * The Reproducible Builds {@code .buildinfo} file, as maven-artifact-plugin writes it: {@link
 * dev.hermetic.buildinfo.Buildinfo} writes it (deterministic bytes) and reads the outputs of any (ours or
 * maven-artifact-plugin's, single or aggregated). Knows nothing of Maven.
 */
package dev.hermetic.buildinfo;
