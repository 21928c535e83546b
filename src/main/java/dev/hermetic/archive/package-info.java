/** Deterministic rewriting of zip and tar archives. Knows nothing of Maven. */
package dev.hermetic.archive;
