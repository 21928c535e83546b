/** The lockfile: model, the one reader/writer pair of its format, and the verifier. Knows nothing of Maven. */
package dev.hermetic.lock;
