/**
 * Attestations of a build: an in-toto Statement v1 with a SLSA provenance v1 predicate ({@link
 * dev.hermetic.attest.Provenance}), wrapped in a DSSE envelope signed with the release key ({@link
 * dev.hermetic.attest.Dsse}, {@link dev.hermetic.attest.DsseSigner}), and checked offline by {@link
 * dev.hermetic.attest.ProvenanceVerifier}. The format is described in {@code docs/provenance.md}. Knows nothing of
 * Maven.
 */
package dev.hermetic.attest;
