/** Streaming file digests and the sha256sum-format digest manifest. Knows nothing of Maven. */
package dev.hermetic.digest;
