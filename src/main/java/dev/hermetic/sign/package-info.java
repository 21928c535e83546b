/** Detached OpenPGP signatures made in-process with BouncyCastle. Knows nothing of Maven. */
package dev.hermetic.sign;
