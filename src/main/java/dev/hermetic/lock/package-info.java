/**
 * The lockfile: its model, the one reader/writer pair of its format, and verification of a build against it (each
 * artifact, a whole reactor with its settings and version policies, and what plugins resolve while they run). Knows
 * nothing of Maven.
 */
package dev.hermetic.lock;
