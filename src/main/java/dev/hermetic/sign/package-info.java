/**
 * Detached OpenPGP signatures made in-process with BouncyCastle: {@link dev.hermetic.sign.SigningKeyLoader} prepares
 * the key, {@link dev.hermetic.sign.OpenPgpSigner} signs, {@link dev.hermetic.sign.SigningRun} signs a set of files
 * and writes their signatures, digests and manifest all or nothing. Knows nothing of Maven.
 */
package dev.hermetic.sign;
